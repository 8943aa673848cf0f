import type { AnalyticsReport } from "@/lib/analytics/read-analytics";
import { percent } from "./analytics-format";

type Column<T> = { label: string; value: (row: T) => React.ReactNode; numeric?: boolean };

/** A compact table with a caption; numbers right-aligned and tabular. */
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
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-2 py-1 font-medium ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-slate-100">
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.label} scope="row" className="px-2 py-1 text-left font-normal">
                    {column.value(row)}
                  </th>
                ) : (
                  <td key={column.label} className={`px-2 py-1 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                    {column.value(row)}
                  </td>
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
export function PositionTable({ rows }: { rows: Position[] }) {
  return (
    <FigureTable
      caption="Outcomes by position, candidates first called in the period"
      rows={rows}
      rowKey={(row) => row.position}
      columns={[
        { label: "Position", value: (row) => row.position || "(none)" },
        { label: "Called", value: (row) => row.called, numeric: true },
        { label: "Reached", value: (row) => row.reached, numeric: true },
        { label: "Confirmed", value: (row) => row.confirmed, numeric: true },
        { label: "Declined", value: (row) => row.declined, numeric: true },
        { label: "Attended", value: (row) => row.attended, numeric: true },
        { label: "Confirm rate", value: (row) => percent(row.confirmationRate), numeric: true },
        { label: "No-show rate", value: (row) => percent(row.noShowRate), numeric: true },
      ]}
    />
  );
}

type Slot = AnalyticsReport["bySlot"][number];
export function SlotTable({ rows }: { rows: Slot[] }) {
  return (
    <FigureTable
      caption="Outcomes by interview time of day, interviews in the period"
      rows={rows}
      rowKey={(row) => row.time}
      columns={[
        { label: "Slot", value: (row) => row.time },
        { label: "Candidates", value: (row) => row.candidates, numeric: true },
        { label: "Confirmed", value: (row) => row.confirmed, numeric: true },
        { label: "Declined", value: (row) => row.declined, numeric: true },
        { label: "No answer", value: (row) => row.noAnswer, numeric: true },
        { label: "Attended", value: (row) => row.attended, numeric: true },
        { label: "No-show", value: (row) => row.noShow, numeric: true },
        { label: "No-show rate", value: (row) => percent(row.noShowRate), numeric: true },
      ]}
    />
  );
}

type Bucket = AnalyticsReport["overTime"][number];
export function OverTimeTable({ rows }: { rows: Bucket[] }) {
  return (
    <FigureTable
      caption="Confirmation and no-show rates over time"
      rows={rows.filter((row) => row.reached > 0 || row.attended + row.noShow > 0)}
      rowKey={(row) => row.bucket}
      columns={[
        { label: "From", value: (row) => row.bucket },
        { label: "Reached", value: (row) => row.reached, numeric: true },
        { label: "Confirmed", value: (row) => row.confirmed, numeric: true },
        { label: "Confirm rate", value: (row) => percent(row.confirmationRate), numeric: true },
        { label: "Attended", value: (row) => row.attended, numeric: true },
        { label: "No-show", value: (row) => row.noShow, numeric: true },
        { label: "No-show rate", value: (row) => percent(row.noShowRate), numeric: true },
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
        { label: "Hour", value: (row) => `${String(row.hour).padStart(2, "0")}:00` },
        { label: "Calls", value: (row) => row.finished, numeric: true },
        { label: "Answered", value: (row) => row.answered, numeric: true },
        { label: "Rate", value: (row) => percent(row.rate), numeric: true },
      ]}
    />
  );
}
