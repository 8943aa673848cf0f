import type { AnalyticsReport } from "@/lib/analytics/read-analytics";
import { dayLabel, percent } from "./analytics-format";

type Column<T> = { label: string; value: (row: T) => React.ReactNode };

/**
 * A compact table with a caption: the first column names the row, the others are numbers (right-aligned,
 * tabular). The cell styles sit on the table: a 90-day table has hundreds of cells, each sent twice (HTML and
 * the page's server-component payload).
 */
function FigureTable<T>({
  caption,
  rows,
  columns,
  rowKey,
}: {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">Nothing in this period.</p>;
  return (
    // A figure or a heading breaks between words only, never inside one ("04:3 0"); a card narrower than that
    // scrolls the table, and the keyboard can reach the scrolling box.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-sm [overflow-wrap:normal] [&_td]:px-2 [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_thead_th:not(:first-child)]:text-right">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className="font-medium">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&_tr]:border-t [&_tr]:border-slate-100 [&_th]:font-normal">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.label} scope="row">
                    {column.value(row)}
                  </th>
                ) : (
                  <td key={column.label}>{column.value(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Position = AnalyticsReport["byPosition"][number];
/** Rows the page shows: positions are typed freely, and the CSV has them all. */
const MAX_POSITION_ROWS = 100;

export function PositionTable({ rows }: { rows: Position[] }) {
  const shown =
    rows.length > MAX_POSITION_ROWS ? [...rows].sort((a, b) => b.called - a.called).slice(0, MAX_POSITION_ROWS) : rows;
  return (
    <>
      <FigureTable
        caption="Outcomes by position, candidates first called in the period"
        rows={shown}
        rowKey={(row) => row.position}
        columns={[
          { label: "Position", value: (row) => row.position || "(none)" },
          { label: "Called", value: (row) => row.called },
          { label: "Reached", value: (row) => row.reached },
          { label: "Confirmed", value: (row) => row.confirmed },
          { label: "Declined", value: (row) => row.declined },
          { label: "Attended", value: (row) => row.attended },
          { label: "Confirm rate", value: (row) => percent(row.confirmationRate) },
          { label: "No-show rate", value: (row) => percent(row.noShowRate) },
        ]}
      />
      {shown.length < rows.length && (
        <p className="text-xs text-slate-500">
          The {MAX_POSITION_ROWS} positions with the most candidates called; the CSV has all {rows.length.toLocaleString("en")}.
        </p>
      )}
    </>
  );
}

type Slot = AnalyticsReport["bySlot"][number];
/** `heading`: the slot column's, which names the zone the times are in. */
export function SlotTable({ rows, heading }: { rows: Slot[]; heading: string }) {
  return (
    <FigureTable
      caption="Outcomes by interview time of day, interviews in the period"
      rows={rows}
      rowKey={(row) => row.time}
      columns={[
        { label: heading, value: (row) => row.time },
        { label: "Candidates", value: (row) => row.candidates },
        { label: "Confirmed", value: (row) => row.confirmed },
        { label: "Declined", value: (row) => row.declined },
        { label: "No answer", value: (row) => row.noAnswer },
        { label: "Attended", value: (row) => row.attended },
        { label: "No-show", value: (row) => row.noShow },
        { label: "No-show rate", value: (row) => percent(row.noShowRate) },
      ]}
    />
  );
}

type Bucket = AnalyticsReport["overTime"][number];
/** `heading`: the bucket column's, which names the zone whose days they are. */
export function OverTimeTable({ rows, heading }: { rows: Bucket[]; heading: string }) {
  return (
    <FigureTable
      caption="Confirmation and no-show rates over time"
      rows={rows.filter((row) => row.reached > 0 || row.attended + row.noShow > 0)}
      rowKey={(row) => row.bucket}
      columns={[
        { label: heading, value: (row) => dayLabel(row.bucket) },
        { label: "Reached", value: (row) => row.reached },
        { label: "Confirmed", value: (row) => row.confirmed },
        { label: "Confirm rate", value: (row) => percent(row.confirmationRate) },
        { label: "Attended", value: (row) => row.attended },
        { label: "No-show", value: (row) => row.noShow },
        { label: "No-show rate", value: (row) => percent(row.noShowRate) },
      ]}
    />
  );
}

type Hour = AnalyticsReport["answerRateByHour"][number];
export function HourTable({ rows }: { rows: Hour[] }) {
  return (
    <FigureTable
      caption="Answer rate by hour of day in the candidate's time zone"
      rows={rows.filter((row) => row.finished > 0)}
      rowKey={(row) => String(row.hour)}
      columns={[
        { label: "Hour (candidate's zone)", value: (row) => `${String(row.hour).padStart(2, "0")}:00` },
        { label: "Calls", value: (row) => row.finished },
        { label: "Answered", value: (row) => row.answered },
        { label: "Rate", value: (row) => percent(row.rate) },
      ]}
    />
  );
}
