import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { LiveUpdates } from "@/app/_components/live-updates";
import { StatusBadge } from "@/app/_components/status-badge";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { env } from "@/lib/env";
import { listQueue, listResolvedReviews, readQueuedReview } from "@/lib/review/list-reviews";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { ReviewDecision, ReviewDesk } from "./review-decision";
import { ReviewItem } from "./review-item";
import { ReviewKeys } from "./review-keys";
import { ReviewedTable } from "./reviewed-table";

export const metadata: Metadata = { title: "Review" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const QUEUE_SHOWN = 200;
const itemHref = (id: number) => `/review?item=${id}`;

/**
 * The review queue: every answered call that did not decide at once — outcomes Callboard was not sure enough of,
 * and calls that decided nothing ("call again") — oldest first, one on screen with its recording and transcript.
 * After a decision the item leaves the queue and the one after it comes up.
 */
export default async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) forbidden();
  const params = await searchParams;
  const zone = env().INTERVIEW_TIMEZONE;
  const mayAudit = can(actor.role, "audit:read");
  const showReviewed = mayAudit && params.view === "reviewed";
  const queue = listQueue(getDb(), QUEUE_SHOWN);
  // The item asked for; once decided (gone from the queue), the one that followed it.
  const wanted = Number(params.item);
  const index = Math.max(
    0,
    queue.findIndex((entry) => entry.id >= wanted),
  );
  const currentId = queue[index]?.id;
  const current = showReviewed || currentId === undefined ? undefined : readQueuedReview(getDb(), currentId);

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Review</h1>
        <span className="text-sm text-slate-600" data-testid="queue-size">
          {queue.length === 0
            ? "Nothing to review"
            : `${queue.length}${queue.length === QUEUE_SHOWN ? "+" : ""} waiting, oldest first`}
        </span>
        <LiveUpdates />
        {mayAudit && (
          <nav aria-label="Review views" className="ml-auto flex gap-3 text-sm">
            <Link href="/review" aria-current={!showReviewed ? "page" : undefined} className="aria-[current]:font-semibold">
              Queue
            </Link>
            <Link
              href="/review?view=reviewed"
              aria-current={showReviewed ? "page" : undefined}
              className="aria-[current]:font-semibold"
            >
              Reviewed
            </Link>
          </nav>
        )}
      </header>

      <ReviewDesk>
        {showReviewed ? (
          <section aria-labelledby="reviewed-heading" className="flex flex-col gap-2">
            <h2 id="reviewed-heading" className="text-base font-semibold">
              Reviewed: who decided what
            </h2>
            <ReviewedTable entries={listResolvedReviews(getDb(), 100)} />
          </section>
        ) : !current ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
            Every outcome is decided. Unsure ones will appear here.
          </p>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
            <nav aria-label="Queue" className="flex flex-col gap-2">
              <p className="text-xs text-slate-500">
                Item {index + 1} of {queue.length} · keys: <kbd>j</kbd> next, <kbd>k</kbd> previous, <kbd>a</kbd> accept,{" "}
                <kbd>c</kbd> correct
              </p>
              <ol className="hidden max-h-[70vh] flex-col gap-1 overflow-y-auto lg:flex">
                {queue.map((entry) => (
                  <li key={entry.id}>
                    <Link
                      href={itemHref(entry.id)}
                      aria-current={entry.id === currentId ? "true" : undefined}
                      className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-white aria-[current]:bg-white aria-[current]:ring-1 aria-[current]:ring-slate-300"
                    >
                      <span className="truncate">{entry.candidateName}</span>
                      <StatusBadge status={entry.proposedStatus} />
                    </Link>
                  </li>
                ))}
              </ol>
              <div className="flex gap-2 lg:hidden">
                {index > 0 && (
                  <Link
                    href={itemHref(queue[index - 1]!.id)}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm"
                  >
                    ← Previous
                  </Link>
                )}
                {index < queue.length - 1 && (
                  <Link
                    href={itemHref(queue[index + 1]!.id)}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm"
                  >
                    Next →
                  </Link>
                )}
              </div>
            </nav>
            <ReviewItem
              entry={current}
              zone={zone}
              decision={
                can(actor.role, "candidates:write") ? (
                  <ReviewDecision
                    itemId={current.item.id}
                    proposedLabel={
                      current.item.proposedStatus === "pending"
                        ? "call again"
                        : CANDIDATE_STATUS_LABELS[current.item.proposedStatus]
                    }
                    candidateZone={candidateZone(current.candidate, zone)}
                  />
                ) : null
              }
            />
            <ReviewKeys
              previousHref={index > 0 ? itemHref(queue[index - 1]!.id) : null}
              nextHref={index < queue.length - 1 ? itemHref(queue[index + 1]!.id) : null}
            />
          </div>
        )}
      </ReviewDesk>
    </main>
  );
}
