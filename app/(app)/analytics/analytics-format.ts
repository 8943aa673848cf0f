import { formatInstant } from "@/lib/time/format";

/** A rate (0–1) as a whole percentage; "—" when there was nothing to divide by. */
export const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/** Bolna credits, as Bolna reports them (no currency conversion). */
export const credits = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/** A calendar day as people read it ("1 Mar 2026"): a day needs no zone, its heading names the team's. */
export const dayLabel = (day: string) => formatInstant(new Date(`${day}T00:00:00Z`), "UTC", "date");
