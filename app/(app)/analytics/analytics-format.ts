/** A rate (0–1) as a whole percentage; "—" when there was nothing to divide by. */
export const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);

/** Bolna credits, as Bolna reports them (no currency conversion). */
export const credits = (value: number | null) => (value === null ? "—" : value.toFixed(2));
