import ct from "countries-and-timezones";
import { z } from "zod";

/** Whether this engine knows the IANA zone (Intl throws a RangeError for any other name). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An optional IANA zone from a client ("" and null: none given). */
export const timeZoneInput = z.preprocess(
  (value) => (value === "" ? null : value),
  z
    .string()
    .trim()
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata")
    .nullish()
    .transform((value) => value ?? null),
);

let names: string[] | undefined;

/** Every zone a form offers: UTC, then the IANA names in use today (no old aliases such as Asia/Calcutta). */
export function timeZoneNames(): string[] {
  names ??= ["UTC", ...Object.keys(ct.getAllTimezones()).filter(isTimeZone).sort()];
  return names;
}
