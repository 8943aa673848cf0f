import ct from "countries-and-timezones";
import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * Where most people of a country that spans several zones live: a phone number tells the country, not the city,
 * so a candidate in such a country gets this zone unless a recruiter or the import names another. README
 * ("Time zones") lists the table.
 */
export const COUNTRY_DEFAULT_ZONES: Readonly<Record<string, string>> = {
  US: "America/New_York",
  CA: "America/Toronto",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago",
  EC: "America/Guayaquil",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
  RU: "Europe/Moscow",
  UA: "Europe/Kyiv",
  DE: "Europe/Berlin",
  ES: "Europe/Madrid",
  PT: "Europe/Lisbon",
  CY: "Asia/Nicosia",
  CN: "Asia/Shanghai",
  ID: "Asia/Jakarta",
  MY: "Asia/Kuala_Lumpur",
  KZ: "Asia/Almaty",
  MN: "Asia/Ulaanbaatar",
  UZ: "Asia/Tashkent",
  VN: "Asia/Ho_Chi_Minh",
  PG: "Pacific/Port_Moresby",
  GL: "America/Nuuk",
  CD: "Africa/Kinshasa",
};

/** The time zone of an E.164 number's country, or null when the number or its country tells none. */
export function zoneForPhone(phone: string): string | null {
  const country = parsePhoneNumberFromString(phone)?.country;
  if (!country) return null;
  const zones = ct.getCountry(country)?.timezones ?? [];
  if (zones.length === 1) return zones[0]!;
  return COUNTRY_DEFAULT_ZONES[country] ?? null;
}

/**
 * A candidate's time zone: the one stored with the candidate (from the form, the API or the import), else the
 * zone of the phone's country, else `fallback` (INTERVIEW_TIMEZONE). Every time a candidate hears or reads about
 * their interview is written in this zone.
 */
export function candidateZone(candidate: { timeZone: string | null; phone: string }, fallback: string): string {
  return candidate.timeZone ?? zoneForPhone(candidate.phone) ?? fallback;
}
