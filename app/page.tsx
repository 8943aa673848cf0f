import { connection } from "next/server";
import { listCandidatesForBoard } from "@/lib/candidates/list-candidates";
import { env } from "@/lib/env";
import { StatusBadge } from "./_components/status-badge";

function formatInstant(value: Date | null, timeZone: string): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

export default async function BoardPage() {
  await connection();
  const zone = env().INTERVIEW_TIMEZONE;
  const rows = listCandidatesForBoard();
  return (
    <main className="mx-auto max-w-6xl p-6">
      <header className="mb-4 flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Callboard</h1>
        <p className="text-sm text-slate-500">Times in {zone}</p>
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
