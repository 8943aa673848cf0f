import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listBatches, pendingCandidatesForBatch, type BatchCounts } from "@/lib/batches/batches";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { BatchStatusBadge } from "./batch-status-badge";
import { NewBatchForm } from "./new-batch-form";

export const metadata: Metadata = { title: "Batch calls" };

const SHOWN_PENDING = 300;

function BatchProgress({ counts }: { counts: BatchCounts }) {
  const finished = counts.done + counts.failed + counts.cancelled;
  return (
    <>
      {finished} / {counts.total} finished
      {counts.inFlight > 0 && <span className="text-slate-600"> · {counts.inFlight} in flight</span>}
      {counts.failed > 0 && <span className="text-rose-700"> · {counts.failed} failed</span>}
    </>
  );
}

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
        <DataTable
          name={{ labelledBy: "recent-batches" }}
          empty="No batch yet."
          rows={batches}
          rowKey={(batch) => batch.id}
          columns={[
            {
              header: "Batch",
              cell: (batch) => (
                <Link href={`/batches/${batch.id}`} className="font-medium text-sky-800 hover:underline">
                  Batch #{batch.id}
                </Link>
              ),
            },
            { header: "Started", cardLabel: "Started", cell: (batch) => <LocalTime value={batch.createdAt} /> },
            { header: "By", cardLabel: "By", cell: (batch) => batch.createdBy },
            { header: "Status", cell: (batch) => <BatchStatusBadge status={batch.status} /> },
            { header: "Progress", className: "tabular-nums", cell: (batch) => <BatchProgress counts={batch.counts} /> },
          ]}
        />
      </section>
    </main>
  );
}
