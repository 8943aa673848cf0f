import Link from "next/link";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listCandidatesForBoard } from "@/lib/candidates/list-candidates";
import { env } from "@/lib/env";
import { resetAll } from "./actions";

function formatInstant(value: Date | null, timeZone: string): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

export default async function BoardPage() {
  const actor = await requireActor();
  const zone = env().INTERVIEW_TIMEZONE;
  const rows = listCandidatesForBoard();
  return (
    <main className="mx-auto max-w-7xl p-6">
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Candidates</h1>
        <p className="text-sm text-slate-500">Times in {zone}</p>
        <div className="ml-auto flex items-center gap-2">
          {can(actor.role, "candidates:write") && (
            <Link href="/candidates/new" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
              Add candidate
            </Link>
          )}
          {can(actor.role, "candidates:reset") && (
            <ConfirmDialog trigger="Reset all" title="Reset every candidate to pending?" confirm="Reset all" tone="danger" action={resetAll}>
              <p className="text-sm text-slate-600">
                Statuses go back to pending and rescheduled interviews return to their original time. Calls and the audit trail
                are kept.
              </p>
              <label className="flex flex-col gap-1 text-sm">
                Reason (for the audit trail)
                <input name="reason" className="rounded-md border border-slate-300 px-3 py-1.5" />
              </label>
            </ConfirmDialog>
          )}
        </div>
      </header>
      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-8 text-center text-slate-500">No candidates yet.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th className="px-3 py-2">Candidate</th>
              <th className="px-3 py-2">Position</th>
              <th className="px-3 py-2">Interview</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">Call</th>
              <th className="px-3 py-2">Last call</th>
              <th className="px-3 py-2">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-candidate-id={row.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <div className="font-medium">{row.name}</div>
                  <div className="text-xs text-slate-500">{row.phone}</div>
                </td>
                <td className="px-3 py-2">{row.position ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">
                  {row.originalInterviewAt && (
                    <div className="text-xs text-slate-400 line-through">{formatInstant(row.originalInterviewAt, zone)}</div>
                  )}
                  <div>{formatInstant(row.interviewAt, zone)}</div>
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={row.status} />
                </td>
                <td className="px-3 py-2 font-mono text-xs" data-testid="call-status">
                  {row.callStatus ?? "—"}
                </td>
                <td className="px-3 py-2 tabular-nums">{formatInstant(row.lastCallAt, zone)}</td>
                <td className="px-3 py-2 text-xs text-slate-600">{row.statusReason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
