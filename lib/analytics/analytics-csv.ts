import { writeCsv } from "@/lib/csv/csv-format";
import type { AnalyticsReport } from "./read-analytics";

const COLUMNS = ["section", "key", "metric", "value"] as const;

type Cell = string | number | null;

const cell = (value: Cell) => (value === null ? "" : String(value));

/**
 * The analytics as CSV, one figure per row (section, key, metric, value): the same figures as the JSON, in a
 * shape every spreadsheet reads. writeCsv escapes every cell against formulas: positions are typed by people.
 */
export function analyticsCsv(report: AnalyticsReport): string {
  const rows: Record<(typeof COLUMNS)[number], string>[] = [];
  const push = (section: string, key: Cell, figures: Record<string, Cell>) => {
    for (const [metric, value] of Object.entries(figures)) {
      rows.push({ section: cell(section), key: cell(key), metric: cell(metric), value: cell(value) });
    }
  };
  const { period } = report;
  push("period", null, { from: period.from, to: period.to, position: period.position, bucket: period.bucket, days: period.days });
  push("funnel", null, report.funnel);
  push("attempts", null, { per_reached_candidate: report.attemptsPerReached });
  push("cost", null, {
    total: report.cost.total,
    per_confirmed: report.cost.perConfirmed,
    per_attended: report.cost.perAttended,
    unit: report.cost.unit,
  });
  for (const { bucket, ...figures } of report.overTime) push("over_time", bucket, figures);
  for (const { position, ...figures } of report.byPosition) push("by_position", position || "(none)", figures);
  for (const { time, zone, ...figures } of report.bySlot) push("by_slot", `${time} ${zone}`, figures);
  for (const { hour, ...figures } of report.answerRateByHour) push("answer_rate_by_hour", String(hour).padStart(2, "0"), figures);
  push("answer_rate_by_hour", "unknown", report.unknownHour);
  return writeCsv(rows, COLUMNS);
}
