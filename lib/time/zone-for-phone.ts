import ct from "countries-and-timezones";
import { parsePhoneNumberFromString } from "libphonenumber-js";

const clockOf = (zone: string) => {
  const info = ct.getTimezone(zone);
  return info ? `${info.utcOffset}/${info.dstOffset}` : zone;
};

/** A zone whose home is the country (Asia/Ho_Chi_Minh for Vietnam, not the Asia/Bangkok it shares a clock with). */
const homeOf = (zone: string, country: string) => ct.getTimezone(zone)?.countries[0] === country;

/**
 * The time zone of an E.164 number's country, or null when the number tells none for sure. A phone number tells
 * the country, not the city: a country whose zones keep different clocks (the US, Canada, Russia, Australia,
 * Spain with the Canaries…) gets no guessed zone, and the candidate's times are read in INTERVIEW_TIMEZONE, shown
 * as "zone assumed" until someone sets theirs. A country whose zones all keep one clock (Germany with Büsingen,
 * Kazakhstan) has the first whose home it is.
 */
export function zoneForPhone(phone: string): string | null {
  const country = parsePhoneNumberFromString(phone)?.country;
  if (!country) return null;
  const zones = ct.getCountry(country)?.timezones ?? [];
  if (zones.length === 0 || new Set(zones.map(clockOf)).size > 1) return null;
  return zones.find((zone) => homeOf(zone, country)) ?? zones[0]!;
}

type Subject = { timeZone: string | null; phone: string };

/**
 * A candidate's time zone: the one stored with the candidate (from the form, the API or the import, or the
 * phone's country when it has one clock), else the phone's, else `fallback` (INTERVIEW_TIMEZONE). Every time a
 * candidate hears or reads about their interview is written in this zone.
 */
export function candidateZone(candidate: Subject, fallback: string): string {
  return candidate.timeZone ?? zoneForPhone(candidate.phone) ?? fallback;
}

/** Whether the candidate's zone is INTERVIEW_TIMEZONE by assumption: nobody set it and the phone does not tell. */
export function zoneAssumed(candidate: Subject): boolean {
  return candidate.timeZone === null && zoneForPhone(candidate.phone) === null;
}

/** The zone to store for a new or edited candidate: the one given, else the phone's when it is certain. */
export function zoneToStore(given: string | null | undefined, phone: string): string | null {
  return given ?? zoneForPhone(phone);
}
