import { DataTable, type Column } from "@/app/_components/data-table";
import type { AnalyticsReport } from "@/lib/analytics/read-analytics";
import { dayLabel, percent } from "./analytics-format";

/** A compact table of figures inside its card: the first column names the row, the others are numbers. */
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
  return (
    // A figure or a heading breaks between words only, never inside one ("04:3 0"): a card narrower than the
    // table scrolls it.
    <DataTable
      name={{ caption }}
      empty="Nothing in this period."
      phone="scroll"
      plain
      figures
      rows={rows}
      rowKey={rowKey}
      columns={columns.map((column, index) => ({ ...column, rowHeader: index === 0 }))}
    />
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
          { header: "Position", cell: (row) => row.position || "(none)" },
          { header: "Called", cell: (row) => row.called },
          { header: "Reached", cell: (row) => row.reached },
          { header: "Confirmed", cell: (row) => row.confirmed },
          { header: "Declined", cell: (row) => row.declined },
          { header: "Attended", cell: (row) => row.attended },
          { header: "Confirm rate", cell: (row) => percent(row.confirmationRate) },
          { header: "No-show rate", cell: (row) => percent(row.noShowRate) },
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
        { header: heading, cell: (row) => row.time },
        { header: "Candidates", cell: (row) => row.candidates },
        { header: "Confirmed", cell: (row) => row.confirmed },
        { header: "Declined", cell: (row) => row.declined },
        { header: "No answer", cell: (row) => row.noAnswer },
        { header: "Attended", cell: (row) => row.attended },
        { header: "No-show", cell: (row) => row.noShow },
        { header: "No-show rate", cell: (row) => percent(row.noShowRate) },
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
        { header: heading, cell: (row) => dayLabel(row.bucket) },
        { header: "Reached", cell: (row) => row.reached },
        { header: "Confirmed", cell: (row) => row.confirmed },
        { header: "Confirm rate", cell: (row) => percent(row.confirmationRate) },
        { header: "Attended", cell: (row) => row.attended },
        { header: "No-show", cell: (row) => row.noShow },
        { header: "No-show rate", cell: (row) => percent(row.noShowRate) },
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
        { header: "Hour (candidate's zone)", cell: (row) => `${String(row.hour).padStart(2, "0")}:00` },
        { header: "Calls", cell: (row) => row.finished },
        { header: "Answered", cell: (row) => row.answered },
        { header: "Rate", cell: (row) => percent(row.rate) },
      ]}
    />
  );
}
