import type { AnalyticsQuery } from "@/lib/analytics/analytics-query";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900";

/** Positions offered in the list: a period of free-typed positions could hold thousands. */
const MAX_POSITIONS = 200;

/**
 * A plain GET form: the period and position live in the URL, so a link or a reload keeps them. The days are the
 * team's (`zoneLabel`), and the label says so.
 */
export function AnalyticsFilters({
  query,
  positions,
  zoneLabel,
}: {
  query: AnalyticsQuery;
  positions: string[];
  zoneLabel: string;
}) {
  const offered = positions.slice(0, MAX_POSITIONS);
  if (query.position !== undefined && !offered.includes(query.position)) offered.unshift(query.position);
  const csv = new URLSearchParams({
    from: query.from,
    to: query.to,
    bucket: query.bucket,
    format: "csv",
    ...(query.position !== undefined && { position: query.position }),
  });
  return (
    <form method="get" action="/analytics" className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {`From (${zoneLabel} day)`}
        <input type="date" name="from" defaultValue={query.from} required className={input} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        {`To (${zoneLabel} day)`}
        <input type="date" name="to" defaultValue={query.to} required className={input} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Position
        <select name="position" defaultValue={query.position ?? ""} className={input}>
          <option value="">All positions</option>
          {offered.map((position) => (
            <option key={position} value={position}>
              {position}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Over time by
        <select name="bucket" defaultValue={query.bucket} className={input}>
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      <a
        href={`/api/analytics?${csv}`}
        download
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
      >
        Download CSV
      </a>
    </form>
  );
}
