import { describe, expect, it } from "vitest";
import { parseExecution, type Execution } from "@/lib/bolna/parse-execution";
import { loadPayload } from "@/tests/support/payloads";
import { deriveOutcome, type CallFacts } from "./derive-outcome";

function sample(name: string): Execution {
  const result = parseExecution(loadPayload(name));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result.execution;
}

/** A completed call with a real conversation; each test sets what it is about. */
function completed(overrides: Partial<CallFacts>): CallFacts {
  return {
    status: "completed",
    conversationSeconds: 60,
    extractedData: null,
    transcript: null,
    hangupReason: null,
    hangupBy: null,
    answeredByVoicemail: null,
    errorMessage: null,
    silentEnd: null,
    ...overrides,
  };
}

const ZONES = ["UTC", "Asia/Kolkata"] as const;

describe("deriveOutcome on the sample bodies", () => {
  describe.each(ZONES)("in %s", (zone) => {
    it.each(["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected"])(
      "decides nothing for the non-terminal %s",
      (name) => {
        expect(deriveOutcome(sample(name), zone)).toBeNull();
      },
    );

    it("05: confirmed from call_outcome ACCEPTED", () => {
      expect(deriveOutcome(sample("05-completed-confirmed"), zone)).toEqual({
        outcome: "confirmed",
        reason: "Confirmed on the call",
      });
    });

    it("06: no_answer, with the hang-up reason", () => {
      expect(deriveOutcome(sample("06-no-answer"), zone)).toEqual({ outcome: "no_answer", reason: "No answer" });
    });

    it("07: busy leaves the candidate pending, saying the line was busy", () => {
      const result = deriveOutcome(sample("07-busy"), zone);
      expect(result?.outcome).toBe("pending");
      expect(result?.reason).toMatch(/busy/i);
      expect(result?.newInterviewAt).toBeUndefined();
    });

    it("08: a failed call is pending, with Bolna's error message in the reason", () => {
      const result = deriveOutcome(sample("08-failed"), zone);
      expect(result?.outcome).toBe("pending");
      expect(result?.reason).toContain("the destination number could not be reached");
    });

    it("09: declined from call_outcome REJECTED", () => {
      expect(deriveOutcome(sample("09-completed-declined"), zone)).toEqual({
        outcome: "declined",
        reason: "Declined on the call",
      });
    });
  });

  it.each([
    ["UTC", "2025-12-17T15:00:00.000Z", "UTC"],
    ["Asia/Kolkata", "2025-12-17T09:30:00.000Z", "IST"],
  ])("10: rescheduled to 2025-12-17 15:00 in %s, said in that zone", (zone, instant, label) => {
    const result = deriveOutcome(sample("10-completed-rescheduled"), zone);
    expect(result).toEqual({
      outcome: "rescheduled",
      reason: `Asked to move to Wed 17 Dec 2025, 15:00 ${label}`,
      newInterviewAt: new Date(instant),
    });
  });
});

describe("deriveOutcome: statuses", () => {
  it.each(["scheduled", "queued", "initiated", "ringing", "in-progress", "call-disconnected", "rescheduled", "voicemail", null])(
    "decides nothing while the status is %s, even with an extraction",
    (status) => {
      expect(deriveOutcome(completed({ status, extractedData: { call_outcome: "ACCEPTED" } }), "UTC")).toBeNull();
    },
  );

  it.each([
    ["busy", "Line busy"],
    ["failed", "Call failed"],
    ["canceled", "Call cancelled"],
    ["stopped", "Call stopped"],
    ["error", "Call error"],
    ["balance-low", "Not placed: the Bolna wallet balance is too low"],
  ])("leaves %s pending (%s), ignoring any extraction", (status, reason) => {
    const facts = completed({ status, extractedData: { call_outcome: "ACCEPTED" } });
    expect(deriveOutcome(facts, "UTC")).toEqual({ outcome: "pending", reason });
    expect(deriveOutcome({ ...facts, errorMessage: "carrier said no" }, "UTC")).toEqual({
      outcome: "pending",
      reason: `${reason}: carrier said no`,
    });
  });

  it("reads no-answer as no_answer without a hang-up reason too", () => {
    expect(deriveOutcome(completed({ status: "no-answer" }), "UTC")).toEqual({ outcome: "no_answer", reason: "No answer" });
  });

  it.each([0, -5])("leaves a completed call with conversationSeconds %s pending, whatever was extracted", (seconds) => {
    const result = deriveOutcome(
      completed({
        conversationSeconds: seconds,
        extractedData: { call_outcome: "ACCEPTED" },
        hangupReason: "Call recipient hungup",
      }),
      "UTC",
    );
    expect(result).toEqual({ outcome: "pending", reason: "Connected, but nobody spoke: Call recipient hungup" });
  });

  it("leaves it pending when a final status said nobody spoke (conversation_duration 0), whatever was extracted", () => {
    const facts = completed({ conversationSeconds: null, silentEnd: true, extractedData: { call_outcome: "ACCEPTED" } });
    expect(deriveOutcome(facts, "UTC")?.outcome).toBe("pending");
  });

  it("applies the extraction of a body that does not say how long anyone spoke (the prototype guide's example)", () => {
    const guide = completed({ conversationSeconds: null, extractedData: { status: "confirmed" } });
    expect(deriveOutcome(guide, "UTC")).toEqual({ outcome: "confirmed", reason: "Confirmed on the call" });
    expect(deriveOutcome({ ...guide, extractedData: null }, "UTC")?.reason).toBe("Connected, but nobody spoke");
  });
});

describe("deriveOutcome: voicemail (lib/calls/voicemail.ts)", () => {
  const VOICEMAIL = { outcome: "no_answer", reason: "Voicemail: not reached, call again" };
  const saysYes = {
    extractedData: { call_outcome: "ACCEPTED" },
    transcript: "assistant: Does this time work for you?\nuser: Yes, that works for me.\n",
  };

  it("is never a confirmation when Bolna flags answered_by_voice_mail, whatever the extraction and the words say", () => {
    expect(deriveOutcome(completed({ ...saysYes, answeredByVoicemail: true }), "UTC")).toEqual(VOICEMAIL);
  });

  it.each([
    ["Voicemail detected", null],
    ["answering machine", null],
    [null, "voice-mail"],
  ])("reads Bolna's voicemail hang-up (%s / %s) as a voicemail too", (hangupReason, hangupBy) => {
    expect(deriveOutcome(completed({ ...saysYes, hangupReason, hangupBy }), "UTC")).toEqual(VOICEMAIL);
  });

  it("decides nothing before the call is final, voicemail or not", () => {
    expect(deriveOutcome(completed({ status: "in-progress", answeredByVoicemail: true }), "UTC")).toBeNull();
  });

  it("leaves a call that is not a voicemail to the extraction", () => {
    expect(deriveOutcome(completed({ ...saysYes, answeredByVoicemail: false }), "UTC")?.outcome).toBe("confirmed");
  });
});

describe("deriveOutcome: the extraction", () => {
  // No transcript: what the extraction says stands on its own.
  const fromData = (extractedData: Record<string, unknown>, zone = "UTC") =>
    deriveOutcome(completed({ extractedData, transcript: null }), zone);
  const withWords = (extractedData: Record<string, unknown>) =>
    deriveOutcome(completed({ extractedData, transcript: "user: I am not interested." }), "UTC");

  it.each([
    ["ACCEPTED", "confirmed"],
    ["confirmed", "confirmed"],
    ["Rejected", "declined"],
    ["DECLINED", "declined"],
    ["not interested", "declined"],
    ["NOT-INTERESTED", "declined"],
    ["  accepted  ", "confirmed"],
  ])("reads call_outcome %j as %s", (callOutcome, outcome) => {
    expect(fromData({ call_outcome: callOutcome })?.outcome).toBe(outcome);
  });

  it("reports an unreadable final_slot as rescheduled without newInterviewAt", () => {
    for (const finalSlot of [
      null,
      "Wednesday at 3",
      { date: "Wednesday, the 17th of December", time: "3:00 PM" },
      { date: "2025-12-17", time: "afternoon" },
      { date: "2025-12-17" },
    ]) {
      const result = fromData({ call_outcome: "RESCHEDULED", final_slot: finalSlot });
      expect(result).toEqual({
        outcome: "rescheduled",
        reason: "Asked to move the interview; the new time could not be read",
      });
      expect(result).not.toHaveProperty("newInterviewAt");
    }
    expect(fromData({ call_outcome: "RESCHEDULED" })).not.toHaveProperty("newInterviewAt");
  });

  it("trusts call_outcome over legacy keys", () => {
    expect(fromData({ call_outcome: "ACCEPTED", status: "declined", user_interested: false })?.outcome).toBe("confirmed");
  });

  describe("legacy keys", () => {
    it.each([
      [{ status: "confirmed" }, { outcome: "confirmed", reason: "Confirmed on the call" }],
      [{ status: "Not Interested" }, { outcome: "declined", reason: "Declined on the call" }],
      [{ user_interested: true }, { outcome: "confirmed", reason: "Confirmed on the call (said they are interested)" }],
      [{ user_interested: false }, { outcome: "declined", reason: "Declined on the call (said they are not interested)" }],
      [{ callback_user: true }, { outcome: "pending", reason: "Asked to be called back" }],
      [
        { callback_user: true, user_interested: true },
        { outcome: "pending", reason: "Asked to be called back" },
      ],
      [
        { call_outcome: "MAYBE", status: "accepted" },
        { outcome: "confirmed", reason: "Confirmed on the call" },
      ],
    ])("reads %j", (data, expected) => {
      expect(fromData(data)).toEqual(expected);
    });

    it("reads a legacy status rescheduled with its slot", () => {
      expect(fromData({ status: "rescheduled", final_slot: { date: "2025-12-17", time: "3 PM" } }, "Asia/Kolkata")).toEqual({
        outcome: "rescheduled",
        reason: "Asked to move to Wed 17 Dec 2025, 15:00 IST",
        newInterviewAt: new Date("2025-12-17T09:30:00.000Z"),
      });
    });

    it("ignores user_interested and callback_user unless they are real booleans", () => {
      // Nothing usable in the extraction: the candidate's words are what is proposed ("not interested").
      expect(withWords({ user_interested: "true", callback_user: "yes" })?.outcome).toBe("declined");
    });
  });

  it("falls back to the candidate's words when the extraction says nothing it recognises", () => {
    expect(withWords({ call_outcome: "UNKNOWN", notes: "n/a" })).toEqual({
      outcome: "declined",
      reason: "Candidate declined (read from their words)",
    });
  });

  it("proposes what the candidate's words say where they contradict the extraction", () => {
    expect(withWords({ call_outcome: "ACCEPTED" })).toEqual({
      outcome: "declined",
      reason: "Candidate declined (read from their words)",
    });
  });
});

describe("deriveOutcome: transcript fallback", () => {
  const transcript04 = sample("04-call-disconnected").transcript!;

  it("reads sample 04's conversation as confirmed because the candidate said it works", () => {
    expect(deriveOutcome(completed({ transcript: transcript04 }), "UTC")).toEqual({
      outcome: "confirmed",
      reason: "Candidate confirmed (read from their words)",
    });
  });

  it("abstains on the same conversation without that sentence, though the agent still says confirmed", () => {
    const withoutIt = transcript04.replace("user: Yes, that works for me.\n", "user: Hmm.\n");
    expect(withoutIt).not.toBe(transcript04);
    expect(withoutIt).toMatch(/assistant: .*confirmed/);
    expect(deriveOutcome(completed({ transcript: withoutIt }), "UTC")?.outcome).toBe("pending");
  });

  it("is pending, for a person to listen to, when a conversation came with neither extraction nor transcript", () => {
    expect(deriveOutcome(completed({ transcript: null }), "UTC")).toEqual({
      outcome: "pending",
      reason: "Answered, but there is neither an extraction nor a transcript: listen to the call",
    });
  });

  it("uses sample 09's words when its extraction is missing", () => {
    const declined = sample("09-completed-declined");
    expect(deriveOutcome({ ...declined, extractedData: null }, "UTC")?.outcome).toBe("declined");
  });

  it("proposes a reschedule from sample 10's words without inventing a time when its extraction is missing", () => {
    const result = deriveOutcome({ ...sample("10-completed-rescheduled"), extractedData: null }, "UTC");
    expect(result?.outcome).toBe("rescheduled");
    expect(result?.reason).toMatch(/another time/i);
    expect(result?.newInterviewAt).toBeUndefined();
  });
});
