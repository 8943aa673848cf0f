import { describe, expect, it } from "vitest";
import { readRetryConfig } from "@/lib/bolna/retry-config";
import { nextAttempt, waitingReason, type AttemptFacts } from "./next-attempt";

const RETRIES = readRetryConfig({ enabled: true, max_retries: 2, retry_intervals_minutes: [30, 60] })!;
const ENDED = new Date("2027-03-03T10:00:00Z");

function facts(overrides: Partial<AttemptFacts>): AttemptFacts {
  return {
    status: "no-answer",
    attempt: 0,
    retryConfig: RETRIES,
    scheduledAt: null,
    bolnaUpdatedAt: ENDED,
    retryHistory: null,
    answeredByVoicemail: null,
    hangupBy: null,
    hangupReason: null,
    ...overrides,
  };
}

describe("nextAttempt", () => {
  it("expects Bolna's retry after a status its retry_config retries, at the interval after the attempt ended", () => {
    expect(nextAttempt(facts({}))).toEqual({
      kind: "retry",
      at: new Date("2027-03-03T10:30:00Z"),
      number: 2,
      of: 3,
      after: "No answer",
    });
    expect(nextAttempt(facts({ status: "busy", attempt: 1 }))?.at).toEqual(new Date("2027-03-03T11:00:00Z"));
  });

  it("expects none once the retries are spent, for a status not retried, or without retry_config", () => {
    expect(nextAttempt(facts({ attempt: 2 }))).toBeNull();
    expect(nextAttempt(facts({ status: "error" }))).toBeNull();
    expect(nextAttempt(facts({ status: "completed" }))).toBeNull();
    expect(nextAttempt(facts({ retryConfig: null }))).toBeNull();
  });

  it("retries a voicemail only when retry_on_voicemail is set", () => {
    const voicemail = { status: "completed", answeredByVoicemail: true };
    expect(nextAttempt(facts(voicemail))).toBeNull();
    const onVoicemail = readRetryConfig({ enabled: true, max_retries: 1, retry_on_voicemail: true })!;
    expect(nextAttempt(facts({ ...voicemail, retryConfig: onVoicemail }))).toMatchObject({ kind: "retry", after: "Voicemail" });
  });

  it("reads a scheduled call, and a scheduled retry with what ended the attempt before it", () => {
    const at = new Date("2027-03-03T10:30:00Z");
    expect(nextAttempt(facts({ status: "scheduled", scheduledAt: at }))).toMatchObject({ kind: "scheduled", at, number: 1 });
    const retry = facts({
      status: "scheduled",
      attempt: 1,
      scheduledAt: at,
      retryHistory: [{ attempt: 1, status: "busy", at: null }],
    });
    expect(nextAttempt(retry)).toEqual({ kind: "retry", at, number: 2, of: 3, after: "Line busy" });
  });

  it("is nothing while the call rings or talks", () => {
    for (const status of ["queued", "ringing", "in-progress", "call-disconnected"]) {
      expect(nextAttempt(facts({ status })), status).toBeNull();
    }
  });

  it("says when, in the candidate's zone, and which attempt", () => {
    expect(waitingReason(nextAttempt(facts({}))!, "Asia/Kolkata")).toBe(
      "No answer; Bolna tries again at Wed 3 Mar 2027, 16:00 IST, attempt 2 of 3",
    );
    const scheduled = nextAttempt(facts({ status: "scheduled", scheduledAt: ENDED }))!;
    expect(waitingReason(scheduled, "America/New_York")).toBe("Scheduled: rings Wed 3 Mar 2027, 05:00 EST");
  });
});
