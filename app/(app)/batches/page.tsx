import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listBatches, pendingCandidatesForBatch } from "@/lib/batches/batches";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { BatchStatusBadge } from "./batch-status-badge";
import { NewBatchForm } from "./new-batch-form";

export const metadata: Metadata = { title: "Batch calls" };

const SHOWN_PENDING = 300;
const cell = "md:px-3 md:py-2";
const cardLabel = "mr-1 text-xs font-medium text-slate-600 md:hidden";

export default async function BatchesPage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) forbidden();
  const db = getDb();
  const zone = env().INTERVIEW_TIMEZONE;
  const now = new Date().getTime();
  const pending = pendingCandidatesForBatch(db, SHOWN_PENDING + 1);
  const batches = listBatches(db);
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Batch calls</h1>
        <div className="ml-auto">
          <LiveUpdates />
        </div>
      </header>
      {can(actor.role, "calls:place") && (
        <NewBatchForm
          pending={pending.slice(0, SHOWN_PENDING).map((row) => ({
            id: row.id,
            name: row.name,
            phone: row.phone,
            interview: formatInstant(row.interviewAt, candidateZone(row, zone)),
            past: row.interviewAt.getTime() <= now,
          }))}
          more={Math.max(0, pending.length - SHOWN_PENDING)}
        />
      )}
      <section aria-labelledby="recent-batches" className="flex flex-col gap-2">
        <h2 id="recent-batches" className="text-base font-semibold">
          Recent batches
        </h2>
        {batches.length === 0 ? (
          <p className="rounded border border-dashed border-slate-400 p-6 text-center text-sm text-slate-700">No batch yet.</p>
        ) : (
          <table className="block w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200 md:table">
            <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Batch
                </th>
                <th scope="col" className="px-3 py-2">
                  Started
                </th>
                <th scope="col" className="px-3 py-2">
                  By
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Progress
                </th>
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {batches.map((batch) => {
                const finished = batch.counts.done + batch.counts.failed + batch.counts.cancelled;
                return (
                  <tr
                    key={batch.id}
                    className="flex flex-col gap-1 border-t border-slate-200 p-3 first:border-t-0 md:table-row md:p-0"
                  >
                    <td className={cell}>
                      <Link href={`/batches/${batch.id}`} className="font-medium text-sky-800 hover:underline">
                        Batch #{batch.id}
                      </Link>
                    </td>
                    <td className={cell}>
                      <span className={cardLabel}>Started</span>
                      <LocalTime value={batch.createdAt} />
                    </td>
                    <td className={cell}>
                      <span className={cardLabel}>By</span>
                      {batch.createdBy}
                    </td>
                    <td className={cell}>
                      <BatchStatusBadge status={batch.status} />
                    </td>
                    <td className={`tabular-nums ${cell}`}>
                      {finished} / {batch.counts.total} finished
                      {batch.counts.inFlight > 0 && <span className="text-slate-600"> · {batch.counts.inFlight} in flight</span>}
                      {batch.counts.failed > 0 && <span className="text-rose-700"> · {batch.counts.failed} failed</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
