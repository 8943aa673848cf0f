import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates, interviewSlots, reviewItems, statusChanges, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { applyExecution } from "@/lib/calls/apply-execution";
import { overrideStatus } from "@/lib/candidates/manual-status";
import { insertCandidate } from "@/tests/support/database";
import {
  ACCEPTED,
  callBody,
  CONFIRMING_TURNS,
  RELATIVE_TURNS,
  rescheduledTo,
  RESCHEDULING_TURNS,
  unsure,
  type CallSpec,
} from "@/tests/support/insight-calls";
import { deliveryOf } from "@/tests/support/lifecycle";
import { countOpenReviews, listOpenReviews, listResolvedReviews } from "./list-reviews";
import { acceptReview, correctReview } from "./resolve-review";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// The review flow in process, on a real SQLite file: an unsure outcome holds the candidate in pending and opens
// one review; a person's accept or correction is applied and audited; later data supersedes what is open.

const ZONE = "Asia/Kolkata";
const CONFIG = { timezone: ZONE, defaultCountry: "IN", reviewBelow: 0.7 };
const reviewer: Actor = { kind: "user", id: "u-rita", label: "rita@example.com", role: "recruiter" };
const INTERVIEW = new Date("2031-03-04T06:00:00Z");

let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("review-flow");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

let minute = 0;
/** Each call a few minutes after the last, so that "newer" is well defined. */
function deliver(candidate: Candidate, spec: Omit<CallSpec, "phone">) {
  minute += 5;
  const at = spec.at ?? new Date(Date.UTC(2031, 0, 1) + minute * 60_000);
  const body = callBody({ ...spec, at, phone: candidate.phone });
  return { body, applied: applyExecution(db, deliveryOf(body, at), CONFIG) };
}

const candidateRow = (id: number) => db.select().from(candidates).where(eq(candidates.id, id)).get()!;
const itemsOf = (id: number) =>
  db.select().from(reviewItems).where(eq(reviewItems.candidateId, id)).orderBy(asc(reviewItems.id)).all();
const auditOf = (id: number) =>
  db.select().from(statusChanges).where(eq(statusChanges.candidateId, id)).orderBy(asc(statusChanges.id)).all();
const openItem = (id: number) => itemsOf(id).find((item) => item.state === "open");

describe("an unsure outcome", () => {
  it("does not change the status silently: pending, a reason naming the proposal, one open review", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const { body } = deliver(candidate, { turns: CONFIRMING_TURNS, extraction: unsure(ACCEPTED) });
    expect(candidateRow(candidate.id)).toMatchObject({
      status: "pending",
      statusReason: "Awaiting review: proposed Confirmed (medium confidence: Bolna itself was unsure)",
    });
    const call = db.select().from(calls).where(eq(calls.executionId, body.id)).get()!;
    expect(call).toMatchObject({ outcome: "confirmed", confidence: 0.6, confidenceLabel: "medium" });
    expect(call.confidenceEvidence![0]).toMatchObject({ kind: "bolna_confidence", effect: "supports" });
    expect(itemsOf(candidate.id)).toEqual([
      expect.objectContaining({
        state: "open",
        callId: call.id,
        proposedStatus: "confirmed",
        confidence: 0.6,
        doubt: "Bolna itself was unsure",
      }),
    ]);
    const queued = listOpenReviews(db, 100).find((entry) => entry.item.candidateId === candidate.id)!;
    expect(queued.call).toMatchObject({ executionId: body.id, transcript: body.transcript });
  });

  it("an answered call that decided nothing waits too, proposing to call again", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const { body } = deliver(candidate, { turns: RELATIVE_TURNS, extraction: null });
    expect(candidateRow(candidate.id)).toMatchObject({
      status: "pending",
      statusReason: "Awaiting review: someone else answered: call again",
    });
    const call = db.select().from(calls).where(eq(calls.executionId, body.id)).get()!;
    expect(call.confidenceEvidence![0]).toMatchObject({ kind: "someone_else", effect: "doubts" });
    expect(openItem(candidate.id)).toMatchObject({
      proposedStatus: "pending",
      proposedReason: "Someone else answered: call again",
      doubt: "someone else may have answered",
    });
  });

  it("a repeated delivery changes nothing; a sure outcome applies at once and opens nothing", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const { body } = deliver(candidate, { turns: RELATIVE_TURNS });
    applyExecution(db, deliveryOf(body), CONFIG);
    expect(itemsOf(candidate.id)).toHaveLength(1);
    const sure = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(sure, { turns: CONFIRMING_TURNS });
    expect(candidateRow(sure.id).status).toBe("confirmed");
    expect(itemsOf(sure.id)).toEqual([]);
  });

  it("the queue is oldest first, and counted", () => {
    const before = countOpenReviews(db);
    const first = insertCandidate(db, { interviewAt: INTERVIEW });
    const second = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(first, { turns: RELATIVE_TURNS });
    deliver(second, { turns: ["user: Hello?"], conversationSeconds: 4 });
    expect(countOpenReviews(db)).toBe(before + 2);
    const order = listOpenReviews(db, 500).map((entry) => entry.item.candidateId);
    expect(order.indexOf(first.id)).toBeLessThan(order.indexOf(second.id));
  });
});

describe("a person decides", () => {
  it("accept applies the proposal, audited with source review and the reviewer; a second decision is refused", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const { body } = deliver(candidate, { turns: CONFIRMING_TURNS, extraction: unsure(ACCEPTED) });
    const item = openItem(candidate.id)!;
    const now = new Date("2031-01-05T10:00:00Z");
    const { candidate: after, item: resolved } = acceptReview(db, item.id, reviewer, now);
    expect(after).toMatchObject({ status: "confirmed", manualStatusAt: now });
    expect(resolved).toMatchObject({
      state: "accepted",
      resolvedBy: reviewer.label,
      resolvedStatus: "confirmed",
      resolvedAt: now,
    });
    expect(auditOf(candidate.id).at(-1)).toMatchObject({
      fromStatus: "pending",
      toStatus: "confirmed",
      source: "review",
      actor: reviewer.label,
      executionId: body.id,
      reason: expect.stringMatching(/^Accepted on review: /),
    });
    expect(() => acceptReview(db, item.id, reviewer)).toThrow(expect.objectContaining({ code: "review_closed", status: 409 }));
    expect(() => correctReview(db, item.id, { status: "declined", reason: "x", interviewAt: null }, reviewer)).toThrow(
      expect.objectContaining({ code: "review_closed" }),
    );
    expect(listResolvedReviews(db, 10)[0]!.item).toMatchObject({ id: item.id, resolvedBy: reviewer.label });
    // A late delivery of the same call, from before the decision, does not undo it.
    applyExecution(db, deliveryOf({ ...body, summary: "late" }), CONFIG);
    expect(candidateRow(candidate.id).status).toBe("confirmed");
  });

  it("a correction sets the chosen status with the reason in the audit trail", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(candidate, { turns: RELATIVE_TURNS });
    const item = openItem(candidate.id)!;
    const { item: resolved } = correctReview(
      db,
      item.id,
      { status: "declined", reason: "The mother says he took another job", interviewAt: null },
      reviewer,
    );
    expect(resolved).toMatchObject({
      state: "corrected",
      resolvedStatus: "declined",
      resolutionReason: "The mother says he took another job",
    });
    expect(candidateRow(candidate.id)).toMatchObject({
      status: "declined",
      statusReason: "Corrected on review (proposed Pending): The mother says he took another job",
    });
    expect(auditOf(candidate.id).at(-1)).toMatchObject({ toStatus: "declined", source: "review", actor: reviewer.label });
  });

  it("accepting a reschedule moves the interview and keeps the original, unless the slot is full", () => {
    const slotAt = new Date("2031-03-06T09:30:00Z"); // 3 PM in Kolkata
    db.insert(interviewSlots).values({ startsAt: slotAt, capacity: 1 }).run();
    const short = ["user: Different day please."];
    const moveTo = unsure(rescheduledTo("2031-03-06", "3:00 PM"));
    const first = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(first, { turns: short, extraction: moveTo, conversationSeconds: 6 });
    const item = openItem(first.id)!;
    expect(item).toMatchObject({ proposedStatus: "rescheduled", proposedInterviewAt: slotAt });
    const { candidate: moved } = acceptReview(db, item.id, reviewer);
    expect(moved).toMatchObject({ status: "rescheduled", interviewAt: slotAt, originalInterviewAt: INTERVIEW });
    expect(auditOf(first.id).at(-1)).toMatchObject({ fromInterviewAt: INTERVIEW, toInterviewAt: slotAt, source: "review" });

    const second = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(second, { turns: short, extraction: moveTo, conversationSeconds: 6 });
    const full = openItem(second.id)!;
    const audit = auditOf(second.id).length;
    expect(() => acceptReview(db, full.id, reviewer)).toThrow(expect.objectContaining({ code: "slot_full" }));
    expect(candidateRow(second.id)).toMatchObject({ status: "pending", interviewAt: INTERVIEW });
    expect(openItem(second.id)?.id).toBe(full.id);
    expect(auditOf(second.id)).toHaveLength(audit);
  });

  it("a correction to a reschedule needs a time in the future", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(candidate, { turns: RELATIVE_TURNS });
    const item = openItem(candidate.id)!;
    const past = new Date("2020-01-01T00:00:00Z");
    expect(() => correctReview(db, item.id, { status: "rescheduled", reason: "asked", interviewAt: past }, reviewer)).toThrow(
      expect.objectContaining({ code: "validation_failed", field: "interviewAt" }),
    );
    const later = new Date("2031-04-01T06:00:00Z");
    const { candidate: after } = correctReview(
      db,
      item.id,
      { status: "rescheduled", reason: "Asked for April", interviewAt: later },
      reviewer,
    );
    expect(after).toMatchObject({ status: "rescheduled", interviewAt: later, originalInterviewAt: INTERVIEW });
  });
});

describe("later data supersedes an open review", () => {
  it("a newer call's first event closes it, and the newer call decides", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(candidate, { turns: RELATIVE_TURNS });
    const old = openItem(candidate.id)!;
    const newer = callBody({ phone: candidate.phone, at: new Date(Date.UTC(2031, 1, 1)), turns: CONFIRMING_TURNS });
    applyExecution(db, deliveryOf({ ...newer, status: "queued", transcript: null, extracted_data: null }), CONFIG);
    expect(itemsOf(candidate.id).find((item) => item.id === old.id)).toMatchObject({
      state: "superseded",
      resolvedBy: "callboard",
      resolutionReason: "A newer call decided",
    });
    expect(countOpenReviewsFor(candidate.id)).toBe(0);
    expect(() => acceptReview(db, old.id, reviewer)).toThrow(expect.objectContaining({ code: "review_closed" }));
    applyExecution(db, deliveryOf(newer), CONFIG);
    expect(candidateRow(candidate.id).status).toBe("confirmed");
  });

  it("a newer unsure call replaces the review: still one open item per candidate", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(candidate, { turns: RELATIVE_TURNS });
    deliver(candidate, { turns: ["user: Hello?"], conversationSeconds: 3 });
    const items = itemsOf(candidate.id);
    expect(items.map((item) => item.state)).toEqual(["superseded", "open"]);
    expect(items[0]!.resolutionReason).toBe("A newer call needs its own review");
    expect(items[1]!.doubt).toBe("the conversation was too short");
  });

  it("later data of the same call: the extraction arrives and agrees", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const at = new Date(Date.UTC(2031, 2, 1));
    const early = callBody({ phone: candidate.phone, at, turns: CONFIRMING_TURNS, extraction: null });
    applyExecution(db, deliveryOf(early), CONFIG);
    expect(openItem(candidate.id)).toMatchObject({ doubt: "no extraction", proposedStatus: "confirmed" });
    const late = callBody({ phone: candidate.phone, at, turns: CONFIRMING_TURNS, executionId: early.id });
    late.updated_at = String(late.updated_at).replace(
      /\.(\d+)$/,
      (_, digits: string) => `.${String(Number(digits) + 1).padStart(6, "0")}`,
    );
    applyExecution(db, deliveryOf(late), CONFIG);
    expect(itemsOf(candidate.id)[0]).toMatchObject({
      state: "superseded",
      resolutionReason: "Later data of the same call decided",
    });
    expect(candidateRow(candidate.id).status).toBe("confirmed");
  });

  it("a status set by hand closes it", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    deliver(candidate, { turns: RESCHEDULING_TURNS, extraction: null });
    expect(openItem(candidate.id)).toMatchObject({ proposedStatus: "rescheduled", doubt: "no extraction" });
    deliver(candidate, { turns: RELATIVE_TURNS });
    const admin: Actor = { kind: "token", id: "api-token", label: "api-token", role: "admin" };
    overrideStatus(db, candidate.id, "no_answer", "Called the candidate myself", admin);
    expect(itemsOf(candidate.id).at(-1)).toMatchObject({ state: "superseded", resolutionReason: "Status set by api-token" });
  });

  it("an older call's late event never opens a review over the newer call", () => {
    const candidate = insertCandidate(db, { interviewAt: INTERVIEW });
    const older = callBody({ phone: candidate.phone, at: new Date(Date.UTC(2031, 3, 1)), turns: RELATIVE_TURNS });
    const newer = callBody({ phone: candidate.phone, at: new Date(Date.UTC(2031, 3, 2)), turns: CONFIRMING_TURNS });
    applyExecution(db, deliveryOf({ ...older, status: "queued", transcript: null, extracted_data: null }), CONFIG);
    applyExecution(db, deliveryOf(newer), CONFIG);
    applyExecution(db, deliveryOf(older), CONFIG);
    expect(itemsOf(candidate.id)).toEqual([]);
    expect(candidateRow(candidate.id).status).toBe("confirmed");
  });
});

function countOpenReviewsFor(candidateId: number): number {
  return listOpenReviews(db, 500).filter((entry) => entry.item.candidateId === candidateId).length;
}
