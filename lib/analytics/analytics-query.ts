import { z } from "zod";
import { addDays, daysBetween, todayIn } from "./team-days";

/** The longest period one request may ask for: the rollups make any period cheap, this bounds the answer. */
const MAX_DAYS = 1096;
const DEFAULT_DAYS = 30;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && addDays(value, 0) === value, {
    message: "must be a real date",
  });

/**
 * `GET /api/analytics` and `/analytics`: a period of the team's days (`zone`: INTERVIEW_TIMEZONE; inclusive;
 * default the last 30 days up to today there), an optional position, day or week buckets for the charts over
 * time, JSON or CSV.
 */
export function analyticsQuery(zone: string, now = new Date()) {
  return z
    .object({
      from: day.optional(),
      to: day.optional(),
      position: z
        .string()
        .trim()
        .max(200)
        .optional()
        .transform((value) => value || undefined),
      bucket: z.enum(["day", "week"]).default("day"),
      format: z.enum(["json", "csv"]).default("json"),
    })
    .transform(({ from, to, ...rest }) => {
      const end = to ?? (from ? addDays(from, DEFAULT_DAYS - 1) : todayIn(zone, now));
      return { ...rest, from: from ?? addDays(end, -(DEFAULT_DAYS - 1)), to: end };
    })
    .refine((query) => query.from <= query.to, { message: "must not be after to", path: ["from"] })
    .refine((query) => daysBetween(query.from, query.to) <= MAX_DAYS, {
      message: `the period may span at most ${MAX_DAYS} days`,
      path: ["from"],
    });
}

export type AnalyticsQuery = z.infer<ReturnType<typeof analyticsQuery>>;
