"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { ImportReport } from "@/lib/csv/import-candidates";
import { formatInstant } from "@/lib/time/format";

type Progress = { rowsRead: number; progress: number };
type Phase =
  | { kind: "idle" }
  | { kind: "checking"; at: Progress }
  | { kind: "preview"; report: ImportReport; text: string; fileName: string }
  | { kind: "importing"; report: ImportReport; text: string; fileName: string; at: Progress }
  | { kind: "imported"; report: ImportReport };

type Job = Progress & {
  id: number;
  state: "queued" | "running" | "done" | "failed";
  error: { code: string; message: string } | null;
  report: ImportReport | null;
};

const POLL_MS = 500;

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { error?: { message: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  return body;
}

/**
 * Sends the file to be checked (dry run) or imported, then follows the job the server runs in the background
 * until it is done, reporting how far it has got: a file of 200,000 rows takes a while.
 */
async function send(text: string, dryRun: boolean, onProgress: (at: Progress) => void): Promise<ImportReport> {
  const started = await fetch(`/api/candidates/import?async=1${dryRun ? "&dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: text,
  });
  let job = (await json<{ import: Job }>(started)).import;
  while (job.state === "queued" || job.state === "running") {
    onProgress(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = (await json<{ import: Job }>(await fetch(`/api/candidates/import/${job.id}`))).import;
  }
  if (job.state === "failed" || !job.report) throw new Error(job.error?.message ?? "The import did not finish.");
  return job.report;
}

function ProgressLine({ label, at }: { label: string; at: Progress }) {
  const percent = Math.round(at.progress * 100);
  return (
    <div className="flex flex-col gap-1" role="status">
      <p className="text-sm">
        {label} {at.rowsRead.toLocaleString("en")} rows read ({percent}%)
      </p>
      <progress value={percent} max={100} aria-label={label} className="h-2 w-full max-w-md accent-slate-900" />
    </div>
  );
}

function ReportTable({ report }: { report: ImportReport }) {
  return (
    <table className="block w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200 md:table">
      <caption className="sr-only">Rows of the file</caption>
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
        <tr>
          <th scope="col" className="px-3 py-2">
            Row
          </th>
          <th scope="col" className="px-3 py-2">
            Name
          </th>
          <th scope="col" className="px-3 py-2">
            Phone
          </th>
          <th scope="col" className="px-3 py-2">
            Interview
          </th>
          <th scope="col" className="px-3 py-2">
            Check
          </th>
        </tr>
      </thead>
      <tbody className="block md:table-row-group">
        {report.rows.map((row) => (
          <tr
            key={row.row}
            data-ok={row.ok}
            className={`flex flex-col gap-0.5 border-t border-slate-200 p-3 align-top first:border-t-0 md:table-row md:p-0 ${row.ok ? "" : "bg-rose-50/60"}`}
          >
            <td className="tabular-nums md:px-3 md:py-2">
              <span className="mr-1 text-xs text-slate-600 md:hidden">Row</span>
              {row.row}
            </td>
            <td className="font-medium md:px-3 md:py-2 md:font-normal">{row.name || "—"}</td>
            <td className="tabular-nums md:px-3 md:py-2">{row.phone || "—"}</td>
            <td className="tabular-nums md:px-3 md:py-2">
              {row.interviewAt ? formatInstant(new Date(row.interviewAt), row.timeZone) : "—"}
            </td>
            <td className="md:px-3 md:py-2">
              {row.ok ? (
                <span className="text-emerald-800">OK</span>
              ) : (
                <ul className="text-rose-900">
                  {row.errors.map((error) => (
                    <li key={`${error.field}:${error.reason}`}>
                      <span className="font-mono text-xs">{error.field}</span>: {error.reason}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Upload → preview with a per-row report (dry run) → confirm → the good rows are imported; both steps run on the
 * server in the background and show their progress here.
 */
export function ImportForm() {
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);

  async function check(file: File | undefined) {
    setError(null);
    if (!file) return setPhase({ kind: "idle" });
    setPhase({ kind: "checking", at: { rowsRead: 0, progress: 0 } });
    try {
      const text = await file.text();
      const report = await send(text, true, (at) => setPhase({ kind: "checking", at }));
      setPhase({ kind: "preview", report, text, fileName: file.name });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setPhase({ kind: "idle" });
    }
  }

  async function confirm() {
    if (phase.kind !== "preview") return;
    setError(null);
    const from = phase;
    setPhase({ ...from, kind: "importing", at: { rowsRead: 0, progress: 0 } });
    try {
      setPhase({ kind: "imported", report: await send(from.text, false, (at) => setPhase({ ...from, kind: "importing", at })) });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setPhase(from);
    }
  }

  const report = phase.kind === "preview" || phase.kind === "importing" || phase.kind === "imported" ? phase.report : null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={inputId} className="text-sm font-medium text-slate-700">
          CSV file
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          disabled={phase.kind === "checking" || phase.kind === "importing"}
          onChange={(event) => void check(event.target.files?.[0])}
          className="text-sm"
        />
      </div>
      {phase.kind === "checking" && <ProgressLine label="Checking the file…" at={phase.at} />}
      {phase.kind === "importing" && <ProgressLine label="Importing…" at={phase.at} />}
      {error && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      )}
      {report && phase.kind !== "imported" && (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="text-sm">
            {report.total} row{report.total === 1 ? "" : "s"}: {report.valid} ready to import, {report.invalid} with problems
            {report.invalid > 0 ? " (they will be left out)" : ""}.
          </p>
          <button
            type="button"
            onClick={() => void confirm()}
            disabled={report.valid === 0 || phase.kind === "importing"}
            className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
          >
            {phase.kind === "importing" ? "Importing…" : `Import ${report.valid} candidate${report.valid === 1 ? "" : "s"}`}
          </button>
        </div>
      )}
      {phase.kind === "imported" && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Imported {phase.report.imported} candidate{phase.report.imported === 1 ? "" : "s"}
          {phase.report.invalid > 0 ? `; ${phase.report.invalid} row${phase.report.invalid === 1 ? "" : "s"} left out` : ""}.{" "}
          <Link href="/" className="font-medium underline">
            Back to the board
          </Link>
        </p>
      )}
      {report?.truncated && (
        <p className="text-sm text-slate-700">
          The table shows the first {report.rows.length.toLocaleString("en")} rows; the counts above cover the whole file.
        </p>
      )}
      {report && <ReportTable report={report} />}
    </div>
  );
}
