import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** E.164 for a number written in any common way; national numbers are read in `defaultCountry`. Null if invalid. */
export function normalizePhone(input: string, defaultCountry: string): string | null {
  if (input.length > 40) return null;
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
