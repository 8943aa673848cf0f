import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { getBatch, type BatchView } from "@/lib/batches/batches";
import { callStatusWords } from "@/lib/candidates/candidate-situation";
import { ApiError } from "@/lib/http/api-error";
import { cancelBatchAction } from "../actions";
import { BatchStatusBadge } from "../batch-status-badge";

const ITEM_LABELS = { queued: "Queued", in_flight: "In flight", done: "Done", failed: "Failed", cancelled: "Cancelled" } as const;
const OUTCOME_LABELS: Record<string, string> = {
  confirmed: "confirmed",
  declined: "declined",
  rescheduled: "asked to move",
  no_answer: "no answer",
  pending: "still pending (busy, failed, voicemail or unclear)",
  unknown: "no outcome",
};

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Batch #${(await params).id}` };
}

const cell = "md:px-3 md:py-2";
const cardLabel = "mr-1 text-xs font-medium text-slate-600 md:hidden";

function loadBatch(id: number): BatchView | null {
  try {
    return getBatch(getDb(), id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function duration(from: Date, to: Date): string {
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

function Summary({ batch }: { batch: BatchView }) {
  const { counts } = batch;
  const outcomes = Object.entries(batch.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${n} ${OUTCOME_LABELS[outcome] ?? outcome}`);
  return (
    <section
      aria-labelledby="batch-summary"
      className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-950 ring-1 ring-emerald-200"
    >
      <h2 id="batch-summary" className="mb-1 font-semibold">
        Summary
      </h2>
      <p>
        {batch.status === "cancelled" ? "Cancelled" : "Finished"} after{" "}
        {duration(batch.createdAt, batch.finishedAt ?? new Date())}: {counts.done} of {counts.total} calls made
        {outcomes.length > 0 ? ` (${outcomes.join(", ")})` : ""}, {counts.failed} failed
        {counts.cancelled > 0 ? `, ${counts.cancelled} cancelled before calling` : ""}.
      </p>
    </section>
  );
}

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) forbidden();
  const id = Number((await params).id);
  const batch = Number.isSafeInteger(id) && id > 0 ? loadBatch(id) : null;
  if (!batch) notFound();
  const { counts } = batch;
  const finished = counts.done + counts.failed + counts.cancelled;
  const percent = counts.total === 0 ? 100 : Math.round((finished / counts.total) * 100);
  const tiles = [
    ["Queued", counts.queued, "text-slate-700"],
    ["In flight", counts.inFlight, "text-sky-800"],
    ["Done", counts.done, "text-emerald-800"],
    ["Failed", counts.failed, "text-rose-800"],
    ["Cancelled", counts.cancelled, "text-slate-600"],
  ] as const;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/batches" className="text-sm text-slate-700 hover:text-slate-950">
          ← Batches
        </Link>
        <h1 className="text-xl font-semibold">Batch #{batch.id}</h1>
        <BatchStatusBadge status={batch.status} />
        <p className="text-sm text-slate-700">
          started <LocalTime value={batch.createdAt} /> by {batch.createdBy} · {batch.concurrency} at a time ·{" "}
          {batch.pacingMs / 1000} s between starts
        </p>
        <div className="flex items-center gap-3 sm:ml-auto">
          <LiveUpdates />
          {batch.status === "running" && can(actor.role, "calls:place") && (
            <ConfirmDialog
              trigger="Cancel batch"
              title="Cancel this batch?"
              confirm="Stop calling"
              tone="danger"
              action={cancelBatchAction}
            >
              <input type="hidden" name="batchId" value={batch.id} />
              <p className="text-sm text-slate-700">
                Queued candidates will not be called. Calls already under way finish normally.
              </p>
            </ConfirmDialog>
          )}
        </div>
      </header>

      <div className="flex flex-col gap-2">
        <div
          role="progressbar"
          aria-label="Batch progress"
          aria-valuemin={0}
          aria-valuemax={counts.total}
          aria-valuenow={finished}
          aria-valuetext={`${finished} of ${counts.total} finished`}
          className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-emerald-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {tiles.map(([label, value, tone]) => (
            <div key={label} className="rounded-md bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200">
              <dt className="text-xs uppercase tracking-wide text-slate-600">{label}</dt>
              <dd
                className={`text-lg font-semibold tabular-nums ${tone}`}
                data-testid={`count-${label.toLowerCase().replace(" ", "-")}`}
              >
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </div>

      {batch.finishedAt && <Summary batch={batch} />}

      <table className="block w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200 md:table">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
          <tr>
            <th scope="col" className="px-3 py-2">
              Candidate
            </th>
            <th scope="col" className="px-3 py-2">
              State
            </th>
            <th scope="col" className="px-3 py-2">
              Call
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Started
            </th>
            <th scope="col" className="px-3 py-2">
              Note
            </th>
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {batch.items.map((item) => (
            <tr
              key={item.id}
              data-state={item.state}
              className="flex flex-col gap-1 border-t border-slate-200 p-3 first:border-t-0 md:table-row md:p-0"
            >
              <td className={cell}>
                <Link href={`/candidates/${item.candidateId}`} className="font-medium text-sky-800 hover:underline">
                  {item.candidateName}
                </Link>
              </td>
              <td className={cell}>
                <span className={cardLabel}>State</span>
                {ITEM_LABELS[item.state]}
              </td>
              <td className={`text-xs ${cell}`} data-call-status={item.callStatus ?? ""}>
                <span className={cardLabel}>Call</span>
                {item.executionId ? callStatusWords(item.callStatus) : "—"}
              </td>
              <td className={cell}>
                <span className={cardLabel}>Outcome</span>
                {item.outcome ? (OUTCOME_LABELS[item.outcome] ?? item.outcome) : "—"}
              </td>
              <td className={`text-xs ${cell}`}>
                <span className={cardLabel}>Started</span>
                {item.startedAt ? <LocalTime value={item.startedAt} precision="second" /> : "—"}
              </td>
              <td className={`text-xs text-rose-800 ${cell}`}>{item.error ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
