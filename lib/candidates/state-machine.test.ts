import { describe, expect, it } from "vitest";
import { messageFor, transition, type CandidateState } from "./state-machine";

const MONDAY = new Date("2027-03-01T10:00:00Z");
const TUESDAY = new Date("2027-03-02T10:00:00Z");
const ZONE = "Asia/Kolkata";

const state = (change: Partial<CandidateState> = {}): CandidateState => ({
  status: "pending",
  statusReason: null,
  statusEvent: "added",
  interviewAt: MONDAY,
  originalInterviewAt: null,
  requestedInterviewAt: null,
  ...change,
});

describe("messageFor", () => {
  it.each([
    ["calling", MONDAY, "confirmed", MONDAY, "confirmed"],
    ["calling", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["confirmed", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["rescheduled", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["calling", MONDAY, "declined", MONDAY, "declined"],
    ["confirmed", MONDAY, "declined", MONDAY, "declined"],
  ] as const)("%s at %s → %s at %s sends %s", (from, fromAt, to, toAt, kind) => {
    expect(messageFor({ status: from, interviewAt: fromAt }, { status: to, interviewAt: toAt })).toBe(kind);
  });

  it.each([
    ["pending", "calling"],
    ["calling", "no_answer"],
    ["confirmed", "confirmed"],
    ["declined", "declined"],
    ["rescheduled", "rescheduled"],
    ["confirmed", "pending"],
    // Asked for a slot that was full: the interview did not move, a recruiter resolves it.
    ["calling", "rescheduled"],
  ] as const)("%s → %s at the same time sends nothing", (from, to) => {
    expect(messageFor({ status: from, interviewAt: MONDAY }, { status: to, interviewAt: MONDAY })).toBeNull();
  });
});

describe("transition", () => {
  it("moving a confirmed interview by hand needs reconfirmation, in words, with the updated invite", () => {
    const moved = transition(state({ status: "confirmed", statusEvent: "call_outcome" }), {
      kind: "moved_by_hand",
      to: TUESDAY,
      by: "rita@example.com",
      zone: ZONE,
      holdsInvite: true,
    });
    expect(moved).toMatchObject({
      next: {
        status: "pending",
        statusEvent: "needs_reconfirmation",
        statusReason:
          "Needs reconfirmation: moved from Mon 1 Mar 2027, 15:30 IST to Tue 2 Mar 2027, 15:30 IST by rita@example.com",
        interviewAt: TUESDAY,
      },
      message: "moved",
      byPerson: true,
      closesReview: true,
    });
  });

  it("an answer about an earlier time confirms nothing; the same answer about the current time does", () => {
    const outcome = { outcome: "confirmed" as const, reason: "Confirmed on the call" };
    const call = { kind: "call_outcome" as const, outcome, reminder: false, slotFree: false, zone: ZONE };
    const now = state({ status: "calling", interviewAt: TUESDAY });
    expect(transition(now, { ...call, askedAbout: MONDAY }).next).toMatchObject({
      status: "pending",
      statusEvent: "needs_reconfirmation",
    });
    expect(transition(now, { ...call, askedAbout: TUESDAY })).toMatchObject({
      next: { status: "confirmed", statusEvent: "call_outcome" },
      message: "confirmed",
    });
  });

  it("a call placed outside calling hours is calling, shown as scheduled, and closes an open review", () => {
    expect(
      transition(state({ statusEvent: "awaiting_review" }), {
        kind: "call_placed",
        reason: "Scheduled: rings …",
        scheduled: true,
      }),
    ).toMatchObject({ next: { status: "calling", statusEvent: "call_scheduled" }, closesReview: true, byPerson: false });
  });
});
