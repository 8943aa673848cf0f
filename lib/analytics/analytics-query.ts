import { z } from "zod";

const DAY_MS = 86_400_000;
/** The longest period one request may ask for: the rollups make any period cheap, this bounds the answer. */
export const MAX_DAYS = 1096;
const DEFAULT_DAYS = 30;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine(
    (value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: "must be a real date",
    },
  );

const todayUtc = (now: Date) => now.toISOString().slice(0, 10);
const addDays = (value: string, days: number) =>
  new Date(Date.parse(`${value}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * `GET /api/analytics` and `/analytics`: a period of UTC days (inclusive; default the last 30 days up to today),
 * an optional position, day or week buckets for the charts over time, JSON or CSV.
 */
export function analyticsQuery(now = new Date()) {
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
      const end = to ?? (from ? addDays(from, DEFAULT_DAYS - 1) : todayUtc(now));
      return { ...rest, from: from ?? addDays(end, -(DEFAULT_DAYS - 1)), to: end };
    })
    .refine((query) => query.from <= query.to, { message: "must not be after to", path: ["from"] })
    .refine((query) => Date.parse(query.to) - Date.parse(query.from) < MAX_DAYS * DAY_MS, {
      message: `the period may span at most ${MAX_DAYS} days`,
      path: ["from"],
    });
}
export type AnalyticsQuery = z.infer<ReturnType<typeof analyticsQuery>>;

/** The period as instants: from the start of `from` to the start of the day after `to` (UTC). */
export function periodBounds(query: Pick<AnalyticsQuery, "from" | "to">): { start: Date; end: Date } {
  return { start: new Date(`${query.from}T00:00:00Z`), end: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) };
}

/** The Monday (UTC) of a day's ISO week, the bucket a day falls in for weekly charts. */
export function weekOf(value: string): string {
  const weekday = new Date(`${value}T00:00:00Z`).getUTCDay();
  return addDays(value, -((weekday + 6) % 7));
}
