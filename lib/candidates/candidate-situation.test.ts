import { describe, expect, it } from "vitest";
import { callAskFirst, callStatusWords, candidateSituation, type SituationInput } from "./candidate-situation";

const now = new Date("2026-12-01T10:00:00Z");
const later = new Date("2026-12-10T10:00:00Z");
const QUIET = 5 * 60_000;

function candidate(change: Partial<SituationInput>): SituationInput {
  return {
    status: "pending",
    statusReason: null,
    statusEvent: null,
    callStatus: null,
    nextAttemptAt: null,
    interviewAt: later,
    originalInterviewAt: null,
    requestedInterviewAt: null,
    manualStatusAt: null,
    lastCallAt: null,
    updatedAt: now,
    ...change,
  };
}

const situation = (change: Partial<SituationInput>) => candidateSituation(candidate(change), now, QUIET);
const called = { lastCallAt: new Date("2026-11-30T10:00:00Z") };

describe("candidateSituation: why pending, and what next", () => {
  it.each([
    [{}, "never_called", "Not called yet", "Call now, or add them to a batch."],
    [{ ...called, callStatus: "busy", statusReason: "Line busy" }, "busy", "Line was busy", "Call again in a few minutes."],
    [
      { ...called, callStatus: "failed", statusReason: "Call failed: number unreachable" },
      "failed",
      "Call failed: number unreachable",
      "Check the phone number, then call again.",
    ],
    [
      { ...called, status: "no_answer", callStatus: "no-answer" },
      "no_answer",
      "No answer",
      "Call again later, at another time of day.",
    ],
    [
      { ...called, callStatus: "completed", statusReason: "Went to voicemail" },
      "voicemail",
      "Went to voicemail",
      "Call again at another time of day.",
    ],
    [
      { ...called, callStatus: "completed", statusReason: "Asked to be called back" },
      "callback",
      "Asked to be called back",
      "Call them back.",
    ],
    [
      { ...called, callStatus: "completed", statusReason: "No extraction, and the candidate's answer is unclear" },
      "unclear",
      "The answer was unclear",
      "Read the transcript, then set the status.",
    ],
    [
      { ...called, callStatus: "balance-low" },
      "wallet",
      "Not placed: the Bolna wallet is low",
      "Top up the Bolna wallet, then call again.",
    ],
    [
      { ...called, manualStatusAt: now, callStatus: "completed", statusReason: "Reset by admin@example.com" },
      "set_by_person",
      "Reset by admin@example.com",
      "Call when ready.",
    ],
  ] as const)("%o is %s", (change, kind, summary, next) => {
    expect(situation(change)).toMatchObject({ pending: kind, summary, next, past: false });
  });

  it("puts a passed interview's next step first", () => {
    expect(situation({ interviewAt: new Date("2026-11-30T10:00:00Z") })).toMatchObject({
      past: true,
      next: "The interview time has passed: move it to a new time, or set the status.",
    });
  });

  it("says a call is stuck once Bolna has been quiet for the quiet time", () => {
    const calling = { status: "calling" as const, callStatus: "ringing", updatedAt: new Date(now.getTime() - QUIET - 1) };
    expect(situation(calling)).toMatchObject({ stuck: true, summary: "No word from Bolna for over 5 min" });
    expect(situation({ ...calling, updatedAt: now })).toMatchObject({ stuck: false, summary: "Ringing", next: null });
  });

  it("reads answers as sentences, and a reschedule that needs a person", () => {
    expect(situation({ status: "confirmed", statusReason: "Confirmed on the call" })).toMatchObject({
      summary: "Confirmed on the call",
      next: null,
    });
    expect(situation({ status: "rescheduled", requestedInterviewAt: later })).toMatchObject({
      summary: "Chose a time that is full",
    });
    expect(situation({ status: "rescheduled" })).toMatchObject({ summary: "Asked to move; no new time was agreed" });
  });
});

describe("callStatusWords", () => {
  it("says Bolna's statuses in words, and a status Bolna adds later as it comes", () => {
    expect(["queued", "in-progress", "completed", "no-answer", null].map((status) => callStatusWords(status))).toEqual([
      "Waiting to dial",
      "On the call",
      "Finished",
      "No answer",
      "Not called yet",
    ]);
    expect(callStatusWords("transferred")).toBe("transferred");
  });
});

describe("callAskFirst", () => {
  const asha = { name: "Asha Verma", status: "pending" as const, interviewAt: later };
  it("asks before calling someone who answered, or about an interview that has passed", () => {
    expect(callAskFirst(asha, "Asia/Kolkata", now)).toBeNull();
    expect(callAskFirst({ ...asha, status: "confirmed" }, "Asia/Kolkata", now)).toEqual({
      past: false,
      reason: "Asha Verma already confirmed. A new call asks them again.",
    });
    expect(callAskFirst({ ...asha, interviewAt: new Date("2026-11-30T05:30:00Z") }, "Asia/Kolkata", now)?.reason).toContain(
      "The interview (Mon 30 Nov 2026, 11:00 IST) has passed",
    );
  });
});
