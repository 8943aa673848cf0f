import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { reviewItems, type Call, type Candidate, type ReviewItem } from "@/db/schema";
import { decidedSince } from "@/lib/candidates/state-machine";
import type { Proposal } from "./hold-for-review";

const SUPERSEDED_BY = "callboard";

// Written out, not bound: compared with a bound value, SQLite prepares a statement again on every run to see
// whether the partial index on open items (state = 'open') applies, which cost each delivery 30 µs.
const isOpen = sql`${reviewItems.state} = 'open'`;

const statements = preparedFor((db) => ({
  openForCandidate: db
    .select()
    .from(reviewItems)
    .where(and(eq(reviewItems.candidateId, sql.placeholder("candidateId")), isOpen))
    .prepare(),
  insert: db
    .insert(reviewItems)
    .values(
      placeholders(reviewItems, [
        "candidateId",
        "callId",
        "proposedStatus",
        "proposedReason",
        "proposedInterviewAt",
        "confidence",
        "confidenceLabel",
        "doubt",
        "createdAt",
        "updatedAt",
      ]),
    )
    .prepare(),
  updateProposal: db
    .update(reviewItems)
    .set(
      placeholders(reviewItems, [
        "proposedStatus",
        "proposedReason",
        "proposedInterviewAt",
        "confidence",
        "confidenceLabel",
        "doubt",
        "updatedAt",
      ]),
    )
    .where(eq(reviewItems.id, sql.placeholder("id")))
    .prepare(),
  close: db
    .update(reviewItems)
    .set(placeholders(reviewItems, ["state", "resolvedAt", "resolvedBy", "resolutionReason", "updatedAt"]))
    .where(and(eq(reviewItems.id, sql.placeholder("id")), isOpen))
    .prepare(),
}));

function proposalRow(proposal: Proposal, now: Date) {
  return {
    proposedStatus: proposal.outcome.outcome,
    proposedReason: proposal.outcome.reason,
    proposedInterviewAt: proposal.outcome.newInterviewAt ?? null,
    confidence: proposal.trust.confidence,
    confidenceLabel: proposal.trust.label,
    doubt: proposal.trust.doubt,
    updatedAt: now,
  };
}

function sameProposal(item: ReviewItem, row: ReturnType<typeof proposalRow>): boolean {
  return (
    item.proposedStatus === row.proposedStatus &&
    item.proposedReason === row.proposedReason &&
    (item.proposedInterviewAt?.getTime() ?? null) === (row.proposedInterviewAt?.getTime() ?? null) &&
    item.confidence === row.confidence &&
    item.confidenceLabel === row.confidenceLabel &&
    item.doubt === row.doubt
  );
}

const superseded = (reason: string, now: Date) => ({
  state: "superseded" as const,
  resolvedAt: now,
  resolvedBy: SUPERSEDED_BY,
  resolutionReason: reason,
  updatedAt: now,
});

/**
 * Closes a candidate's open review because a person set the status by hand (lib/candidates/manual-status.ts):
 * the proposal no longer matters. Runs in the caller's transaction.
 */
export function supersedeOpenReview(tx: Pick<Db, "update">, candidateId: number, reason: string, now: Date): void {
  tx.update(reviewItems)
    .set(superseded(reason, now))
    .where(and(eq(reviewItems.candidateId, candidateId), isOpen))
    .run();
}

function supersede(db: Db, item: ReviewItem, reason: string, now: Date): void {
  statements(db).close.run({ ...superseded(reason, now), id: item.id });
}

type Sync = {
  /** The candidate as updateCandidateFromCall left it. */
  candidate: Candidate;
  call: Call;
  proposal: Proposal | null;
  /** When Bolna says the event happened (as for updateCandidateFromCall). */
  eventAt: Date;
  now: Date;
};

/**
 * Keeps the review queue in step with a delivery, inside the webhook's transaction. Only the candidate's latest
 * call speaks (an older call's event never opens or closes anything), and a person's decision after the event
 * stands. Then: an unsure outcome opens a review (or updates this call's open one); anything else that call
 * says — a sure outcome, a new call in progress — supersedes the open review.
 */
export function syncReview(db: Db, { candidate, call, proposal, eventAt, now }: Sync): void {
  if (candidate.latestCallId !== call.id) return;
  if (decidedSince(candidate, call, eventAt)) return;
  const query = statements(db);
  const open = query.openForCandidate.get({ candidateId: candidate.id });
  if (!proposal) {
    if (open) {
      supersede(db, open, open.callId === call.id ? "Later data of the same call decided" : "A newer call decided", now);
    }
    return;
  }
  const row = proposalRow(proposal, now);
  if (open?.callId === call.id) {
    if (!sameProposal(open, row)) query.updateProposal.run({ ...row, id: open.id });
    return;
  }
  if (open) supersede(db, open, "A newer call needs its own review", now);
  query.insert.run({ ...row, candidateId: candidate.id, callId: call.id, createdAt: now });
}
