import { writeCsv } from "@/lib/csv/csv-format";
import type { AnalyticsReport } from "./read-analytics";

const COLUMNS = ["section", "key", "metric", "value"] as const;
type Cell = string | number | null;
type Row = Record<(typeof COLUMNS)[number], string>;

const cell = (value: Cell) => (value === null ? "" : String(value));

/** Rows per chunk of the download: a few milliseconds of formatting between turns of the event loop. */
const CHUNK_ROWS = 2_000;

function* figureRows(report: AnalyticsReport): Generator<Row> {
  const figures = function* (section: string, key: Cell, values: Record<string, Cell>): Generator<Row> {
    for (const [metric, value] of Object.entries(values)) {
      yield { section: cell(section), key: cell(key), metric: cell(metric), value: cell(value) };
    }
  };
  const { period } = report;
  yield* figures("period", null, {
    from: period.from,
    to: period.to,
    position: period.position,
    bucket: period.bucket,
    days: period.days,
  });
  yield* figures("funnel", null, report.funnel);
  yield* figures("attempts", null, { per_reached_candidate: report.attemptsPerReached });
  yield* figures("cost", null, {
    total: report.cost.total,
    per_confirmed: report.cost.perConfirmed,
    per_attended: report.cost.perAttended,
    unit: report.cost.unit,
  });
  yield* figures("interviews", null, report.interviews);
  for (const { bucket, ...values } of report.overTime) yield* figures("over_time", bucket, values);
  for (const { position, ...values } of report.byPosition) yield* figures("by_position", position || "(none)", values);
  for (const { time, zone, ...values } of report.bySlot) yield* figures("by_slot", `${time} ${zone}`, values);
  for (const { hour, ...values } of report.answerRateByHour) {
    yield* figures("answer_rate_by_hour", String(hour).padStart(2, "0"), values);
  }
  yield* figures("answer_rate_by_hour", "unknown", report.unknownHour);
}

/**
 * The analytics as CSV, one figure per row (section, key, metric, value): the same figures as the JSON, in a
 * shape every spreadsheet reads. writeCsv escapes every cell against formulas: positions are typed by people.
 * Written in chunks, each when the response asks for more: thousands of positions never hold the event loop.
 */
export function analyticsCsvStream(report: AnalyticsReport): ReadableStream<Uint8Array> {
  const rows = figureRows(report);
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A fresh turn of the event loop for every chunk, whoever asks for it.
        await new Promise((resolve) => setImmediate(resolve));
        const chunk: Row[] = [];
        for (let next = rows.next(); !next.done; next = rows.next()) {
          chunk.push(next.value);
          if (chunk.length === CHUNK_ROWS) break;
        }
        if (chunk.length > 0 || header) {
          // Each chunk after the first starts on a new line, without the header row.
          const text = writeCsv(chunk, COLUMNS, { header });
          controller.enqueue(encoder.encode(header ? text : `\r\n${text}`));
          header = false;
        }
        if (chunk.length < CHUNK_ROWS) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
