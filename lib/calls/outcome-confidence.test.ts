import { describe, expect, it } from "vitest";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { loadPayload } from "@/tests/support/payloads";
import { deriveOutcome } from "./derive-outcome";
import { assessOutcome, BASE, CAPS, type TrustFacts } from "./outcome-confidence";

// The rules on transcripts shaped like real Bolna calls (one `assistant:` / `user:` line per turn), run the way
// the pipeline runs them: deriveOutcome first, then assessOutcome on the same facts.

const ZONE = "Asia/Kolkata";
const OPENING = [
  "assistant: Namaste, this is Ava calling from Dharwin about your interview.",
  "assistant: Am I speaking with Rahul Sharma?",
];

function call(turns: string[], overrides: Partial<TrustFacts> = {}): TrustFacts {
  return {
    status: "completed",
    conversationSeconds: 64,
    extractedData: null,
    transcript: `${[...OPENING, ...turns].join("\n")}\n`,
    hangupReason: "Call recipient hungup",
    hangupBy: null,
    errorMessage: null,
    answeredByVoicemail: false,
    silentEnd: null,
    ...overrides,
  };
}

const ACCEPTED = { call_outcome: "ACCEPTED", final_slot: null, notes: "Candidate confirmed." };
const REJECTED = { call_outcome: "REJECTED", final_slot: null, notes: "Candidate declined." };
const RESCHEDULED = {
  call_outcome: "RESCHEDULED",
  final_slot: { date: "2026-03-05", time: "3:00 PM", day_of_week: "Thursday" },
  notes: "Moved.",
};

function judge(facts: TrustFacts) {
  const outcome = deriveOutcome(facts, ZONE);
  if (!outcome) throw new Error("not terminal");
  return { outcome, trust: assessOutcome(facts, outcome, ZONE) };
}

const kinds = (trust: ReturnType<typeof judge>["trust"]) => trust.evidence.map((item) => item.kind);

describe("the sample bodies", () => {
  it.each(["05-completed-confirmed", "09-completed-declined", "10-completed-rescheduled"])(
    "%s: the extraction and the candidate's words agree, so the outcome is applied",
    (name) => {
      const parsed = parseExecution(loadPayload(name));
      if (!parsed.ok) throw new Error(parsed.message);
      const { trust } = judge({ ...parsed.execution, answeredByVoicemail: false });
      expect(trust.confidence).toBeGreaterThanOrEqual(BASE.extraction);
      expect(trust.label).toBe("high");
      expect(trust.doubt).toBeNull();
      expect(kinds(trust)[0]).toBe("extraction");
    },
  );

  it.each(["06-no-answer", "07-busy", "08-failed"])("%s: Bolna's call status is a fact", (name) => {
    const parsed = parseExecution(loadPayload(name));
    if (!parsed.ok) throw new Error(parsed.message);
    const { trust } = judge({ ...parsed.execution, answeredByVoicemail: false });
    expect(trust).toMatchObject({ confidence: BASE.telephony, label: "high", doubt: null });
    expect(trust.evidence).toEqual([
      { kind: "telephony", effect: "supports", detail: expect.stringContaining("Bolna's call status") },
    ]);
  });
});

describe("someone else answered", () => {
  it.each([
    [
      "a relative in English",
      ["user: Hello? Who is this?", "user: He is not at home right now.", "user: Okay, I'll tell him. Yes, fine."],
    ],
    [
      "a mother in Hindi",
      ["user: Haan, kaun?", "user: Main uski mummy bol rahi hoon.", "user: Theek hai, main unko bata dungi."],
    ],
    ["a promise to pass it on", ["user: Yes, fine, he will come.", "user: I'll tell him when he gets back, okay?"]],
    ["a sibling", ["user: Hello.", "user: This is his brother, he's sleeping.", "user: Yes yes, fine, he'll be there."]],
  ])("%s: the candidate was not reached, whatever the extraction says: call again, low confidence", (_, turns) => {
    const { outcome, trust } = judge(call(turns, { extractedData: ACCEPTED }));
    expect(outcome).toEqual({ outcome: "pending", reason: "Someone else answered: call again" });
    expect(trust.confidence).toBeLessThanOrEqual(CAPS.someoneElse);
    expect(trust).toMatchObject({ label: "low", doubt: "someone else may have answered", answered: true });
    expect(trust.evidence[0]).toMatchObject({ kind: "someone_else", effect: "doubts", detail: expect.stringContaining("“") });
    expect(trust.evidence).toContainEqual(
      expect.objectContaining({ kind: "extraction", effect: "note", detail: expect.stringContaining("Confirmed") }),
    );
  });

  it("a candidate talking about a third person's schedule is not taken for a relative", () => {
    const { trust } = judge(
      call(["user: Yes, this is Rahul.", "user: Yes, that works for me.", "user: My manager knows, thank you."], {
        extractedData: ACCEPTED,
      }),
    );
    expect(kinds(trust)).not.toContain("someone_else");
    expect(trust.label).toBe("high");
  });
});

describe("voicemail", () => {
  it.each([
    [
      "an English greeting",
      "user: The person you are calling is not available. Please leave a message after the tone.",
      "a voicemail greeting answered",
    ],
    [
      "a Hindi network announcement",
      "user: Aapke dwara dial kiya gaya number abhi uplabdh nahi hai, kripya thodi der baad prayas karein.",
      "a voicemail greeting answered",
    ],
    ["a mailbox", "user: Welcome to the voicemail of 98765 43210. Record your message.", "a voicemail greeting answered"],
  ])("%s alone: not reached, whatever the extraction says", (_, greeting) => {
    const { outcome, trust } = judge(call([greeting, "user: Beep."], { extractedData: ACCEPTED, conversationSeconds: 14 }));
    expect(outcome.outcome).toBe("no_answer");
    expect(trust).toMatchObject({ confidence: BASE.machine, label: "high", answered: false });
    expect(trust.evidence[0]).toMatchObject({ kind: "voicemail", effect: "supports" });
  });

  it("a greeting, then the candidate picks up: a doubt, not a decision", () => {
    const { outcome, trust } = judge(
      call(["user: Please leave a message after the tone.", "user: Hello, sorry, I'm here. Yes, that works for me."], {
        extractedData: ACCEPTED,
      }),
    );
    expect(outcome.outcome).toBe("confirmed");
    expect(trust.confidence).toBe(CAPS.voicemailGreeting);
    expect(trust.doubt).toBe("a voicemail greeting answered");
  });

  it("Bolna's answered_by_voice_mail flag is never a decision, whatever the extraction says (lib/calls/voicemail.ts)", () => {
    const { outcome, trust } = judge(
      call(["user: Yes, that works for me.", "user: Thank you, bye.", "user: See you then."], {
        extractedData: ACCEPTED,
        answeredByVoicemail: true,
      }),
    );
    expect(outcome).toEqual({ outcome: "no_answer", reason: "Voicemail: not reached, call again" });
    expect(trust.evidence).toContainEqual(expect.objectContaining({ kind: "voicemail", effect: "supports" }));
  });

  it("the flag supports an outcome that decides nothing", () => {
    const facts = call([], { status: "completed", conversationSeconds: 0, transcript: null, answeredByVoicemail: true });
    const { outcome, trust } = judge(facts);
    expect(outcome.outcome).toBe("no_answer");
    expect(trust.confidence).toBe(BASE.telephony);
    expect(trust.evidence).toContainEqual(expect.objectContaining({ kind: "voicemail", effect: "supports" }));
  });

  it("“not available at the moment” without a greeting is a relative, not a voicemail", () => {
    const { trust } = judge(call(["user: She is not available at the moment.", "user: Okay."], { extractedData: ACCEPTED }));
    expect(kinds(trust)).toContain("someone_else");
    expect(kinds(trust)).not.toContain("voicemail");
  });
});

describe("short answers", () => {
  it.each([
    ["one word", ["user: Haan."], 4],
    ["one turn, however long the call", ["user: Yes okay fine, I will come on Friday."], 90],
    ["three words over two turns", ["user: Hello?", "user: Yes okay."], 9],
    ["one word in Devanagari", ["user: हाँ जी"], 5],
  ])("%s that agrees with the extraction is an answer, not a doubt", (_, turns, seconds) => {
    const { outcome, trust } = judge(call(turns, { extractedData: ACCEPTED, conversationSeconds: seconds }));
    expect(outcome.outcome).toBe("confirmed");
    expect(trust.confidence).toBe(BASE.extraction + 0.1);
    expect(trust.doubt).toBeNull();
    expect(kinds(trust)).toContain("transcript_agrees");
  });

  it.each([
    ["a hello", ["user: Hello?"], ACCEPTED],
    ["a bare yes to a decline", ["user: Yes."], REJECTED],
    ["a bare no", ["user: No."], REJECTED],
  ])("%s does not bear out the extraction: call again", (_, turns, extraction) => {
    const { outcome, trust } = judge(call(turns, { extractedData: extraction, conversationSeconds: 5 }));
    expect(outcome).toEqual({ outcome: "pending", reason: "Too short to decide: call again" });
    expect(trust.confidence).toBe(CAPS.shortCall);
    expect(trust.evidence[0]).toMatchObject({ kind: "short_call", detail: expect.stringContaining("1 turn") });
  });

  it("a transcript in which the candidate said nothing is a doubt; no transcript at all is none", () => {
    const silent = judge(call([], { extractedData: REJECTED }));
    expect(silent.outcome).toEqual({ outcome: "pending", reason: "The candidate said nothing: call again" });
    expect(silent.trust).toMatchObject({ confidence: CAPS.noCandidateWords, doubt: "the candidate said nothing" });
    const none = judge(call([], { extractedData: REJECTED, transcript: null }));
    expect(none.outcome.outcome).toBe("declined");
    expect(none.trust).toMatchObject({ confidence: BASE.extraction, label: "high", doubt: null });
    expect(kinds(none.trust)).toContain("no_transcript");
  });
});

describe("mixed Hindi and English", () => {
  it("“haan ji, main aa jaunga” agrees with a confirmation", () => {
    const { trust } = judge(
      call(["user: Haan ji, boliye.", "user: Haan ji, main aa jaunga.", "user: Thank you, bye."], { extractedData: ACCEPTED }),
    );
    expect(trust.confidence).toBe(BASE.extraction + 0.1);
    expect(trust.evidence).toContainEqual(
      expect.objectContaining({ kind: "transcript_agrees", detail: expect.stringContaining("main aa jaunga") }),
    );
  });

  it("“Friday mushkil hai … theek hai, kal 3 baje” agrees with a reschedule; “theek hai” alone with a confirmation", () => {
    const moved = judge(
      call(["user: Haan ji.", "user: Friday mushkil hai.", "user: Theek hai, kal 3 baje."], { extractedData: RESCHEDULED }),
    );
    expect(moved.outcome.outcome).toBe("rescheduled");
    expect(moved.trust.confidence).toBe(BASE.extraction + 0.1);
    const kept = judge(
      call(["user: Haan ji.", "user: Interview kab hai?", "user: Theek hai, kal 3 baje."], { extractedData: ACCEPTED }),
    );
    expect(kept.trust.confidence).toBe(BASE.extraction + 0.1);
    expect(kinds(kept.trust)).not.toContain("transcript_disagrees");
  });

  it("“nahi, mujhe nahi aana” agrees with a refusal and contradicts a confirmation", () => {
    const turns = ["user: Haan, bolo.", "user: Nahi, mujhe nahi aana.", "user: Dusri job mil gayi hai."];
    expect(judge(call(turns, { extractedData: REJECTED })).trust.confidence).toBe(BASE.extraction + 0.1);
    const wrong = judge(call(turns, { extractedData: ACCEPTED }));
    expect(wrong.trust.confidence).toBe(CAPS.contradicted);
    expect(wrong.trust.doubt).toBe("the candidate's words disagree");
    expect(wrong.trust.evidence[0]!.detail).toContain("nahi aana");
  });

  it("English words that contradict the extraction count too", () => {
    const { trust } = judge(
      call(["user: Hello.", "user: Sorry, I accepted another offer.", "user: I am not interested any more."], {
        extractedData: ACCEPTED,
      }),
    );
    expect(trust.confidence).toBe(CAPS.contradicted);
  });
});

describe("Bolna's dispositions", () => {
  const words = ["user: Yes, this is Rahul.", "user: Yes, that works for me.", "user: Thank you."];
  const disposition = (entry: Record<string, unknown>) => ({
    interview: { call_outcome_check: { objective: "ACCEPTED", subjective: null, ...entry } },
  });

  it("Bolna's own confidence is the starting point, not raised by the candidate's words", () => {
    const { outcome, trust } = judge(
      call(words, {
        extractedData: disposition({ confidence: 0.62, confidence_label: "medium", reasoning: "The candidate said it works." }),
      }),
    );
    expect(outcome).toEqual({ outcome: "confirmed", reason: "Confirmed on the call" });
    expect(trust.confidence).toBe(0.62);
    expect(trust.doubt).toBe("Bolna itself was unsure");
    expect(trust.evidence).toContainEqual(
      expect.objectContaining({
        kind: "bolna_confidence",
        detail: expect.stringMatching(/0\.62 \(medium\): The candidate said it works/),
      }),
    );
  });

  it("a percentage, a label alone, or none", () => {
    expect(judge(call(words, { extractedData: disposition({ confidence: 92 }) })).trust.confidence).toBe(0.92);
    expect(judge(call(words, { extractedData: disposition({ confidence_label: "low" }) })).trust.confidence).toBe(0.35);
    expect(judge(call(words, { extractedData: disposition({}) })).trust.confidence).toBe(BASE.disposition);
  });

  it("doubts still cap a confident disposition", () => {
    const { trust } = judge(
      call(["user: He is not at home.", "user: I'll tell him."], { extractedData: disposition({ confidence: 0.97 }) }),
    );
    expect(trust.confidence).toBe(CAPS.someoneElse);
  });

  it("the prototype's call_outcome wins over a disposition", () => {
    const { outcome, trust } = judge(
      call(words, { extractedData: { call_outcome: "ACCEPTED", ...disposition({ objective: "REJECTED", confidence: 0.99 }) } }),
    );
    expect(outcome.outcome).toBe("confirmed");
    expect(kinds(trust)).toContain("extraction");
  });
});

describe("no extraction", () => {
  it("an outcome read from the candidate's words alone is medium at best", () => {
    const { outcome, trust } = judge(call(["user: Yes, this is Rahul.", "user: Yes, that works for me.", "user: Thank you."]));
    expect(outcome.outcome).toBe("confirmed");
    expect(trust).toMatchObject({ confidence: BASE.transcript, label: "medium", doubt: "no extraction" });
  });

  it("keeps the evidence bounded whatever the transcript", () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `user: ${"he is not at home ".repeat(i % 3 === 0 ? 80 : 1)}`);
    const { trust } = judge(call(huge, { extractedData: ACCEPTED }));
    expect(trust.evidence.length).toBeLessThanOrEqual(8);
    for (const item of trust.evidence) expect(item.detail.length).toBeLessThanOrEqual(240);
  });
});
