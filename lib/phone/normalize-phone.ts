import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** E.164 for a number written in any common way; national numbers are read in `defaultCountry`. Null if invalid. */
export function normalizePhone(input: string, defaultCountry: string): string | null {
  if (input.length > 40) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

// Only digits and the marks people put between them: "+91 98000-00101", "(098) 000 00101".
const PHONE_LIKE = /^[\d\s().+-]+$/;

/**
 * The digits a search for a phone number looks for in stored E.164 numbers, or null when the text is not a phone
 * number (an execution id, a name: their digits are no phone). A number written nationally ("09800000101",
 * "98000 00101") is read in `defaultCountry`; a fragment loses its trunk zeros ("098000" finds "+9198000…").
 */
export function phoneSearchDigits(text: string, defaultCountry: string): string | null {
  if (!PHONE_LIKE.test(text)) return null;
  const e164 = normalizePhone(text, defaultCountry);
  if (e164) return e164.slice(1);
  const digits = text.replace(/\D/g, "").replace(/^0+/, "");
  return digits.length >= 3 ? digits : null;
}
