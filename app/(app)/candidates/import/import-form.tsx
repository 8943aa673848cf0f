"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { ImportReport } from "@/lib/csv/import-candidates";

type Phase =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "preview"; report: ImportReport; text: string; fileName: string }
  | { kind: "importing"; report: ImportReport; text: string; fileName: string }
  | { kind: "imported"; report: ImportReport };

async function send(text: string, dryRun: boolean): Promise<ImportReport> {
  const response = await fetch(`/api/candidates/import${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: text,
  });
  const json = (await response.json().catch(() => null)) as (ImportReport & { error?: { message: string } }) | null;
  if (!response.ok || !json || json.error) throw new Error(json?.error?.message ?? `The server answered ${response.status}.`);
  return json;
}

function ReportTable({ report }: { report: ImportReport }) {
  return (
    <table className="w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
      <caption className="sr-only">Rows of the file</caption>
      <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
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
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.row} data-ok={row.ok} className={`border-t border-slate-100 align-top ${row.ok ? "" : "bg-rose-50/60"}`}>
            <td className="px-3 py-2 tabular-nums">{row.row}</td>
            <td className="px-3 py-2">{row.name || "—"}</td>
            <td className="px-3 py-2 tabular-nums">{row.phone || "—"}</td>
            <td className="px-3 py-2 tabular-nums">{row.interviewAt ?? "—"}</td>
            <td className="px-3 py-2">
              {row.ok ? (
                <span className="text-emerald-700">OK</span>
              ) : (
                <ul className="text-rose-800">
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

/** Upload → preview with a per-row report (dry run) → confirm → the good rows are imported in one transaction. */
export function ImportForm() {
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);

  async function check(file: File | undefined) {
    setError(null);
    if (!file) return setPhase({ kind: "idle" });
    setPhase({ kind: "checking" });
    try {
      const text = await file.text();
      setPhase({ kind: "preview", report: await send(text, true), text, fileName: file.name });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setPhase({ kind: "idle" });
    }
  }

  async function confirm() {
    if (phase.kind !== "preview") return;
    setError(null);
    setPhase({ ...phase, kind: "importing" });
    try {
      setPhase({ kind: "imported", report: await send(phase.text, false) });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
      setPhase({ ...phase, kind: "preview" });
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
      {phase.kind === "checking" && <p role="status">Checking the file…</p>}
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
      {report && <ReportTable report={report} />}
    </div>
  );
}
