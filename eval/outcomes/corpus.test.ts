import { describe, expect, it } from "vitest";
import { CORPUS } from "./corpus";
import { runCorpus } from "./run-corpus";
import { gateFailures, MIN_CLEAR_APPLIED, scoreCorpus } from "./score";

// The outcome engine against its labelled corpus (`npm run eval` prints the same run in full): every case goes
// through the real webhook pipeline on a real SQLite file.
describe("the outcome corpus", () => {
  const results = runCorpus(CORPUS);
  const score = scoreCorpus(results);

  it("holds at least 200 completed-call cases with unique ids, in every family the engine must read", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CORPUS.map((entry) => entry.id)).size).toBe(CORPUS.length);
    const families = new Set(CORPUS.map((entry) => entry.id.split("/")[0]));
    for (const name of ["english", "short", "hinglish", "devanagari", "tamil-telugu", "someone-else", "voicemail"]) {
      expect(families).toContain(name);
    }
    for (const name of ["contradictions", "reschedule", "extraction", "unanswered", "words-only"]) {
      expect(families).toContain(name);
    }
  });

  it("never applies a wrong confirmation, decline or reschedule by itself, nor sends anything while a person decides", () => {
    expect(score.wrongApplied.map((result) => result.case.id)).toEqual([]);
    expect(score.sentWhileHeld.map((result) => result.case.id)).toEqual([]);
  });

  it(`applies at least ${MIN_CLEAR_APPLIED * 100} % of the cases labelled clear at once`, () => {
    expect(score.clearApplied / score.clear).toBeGreaterThanOrEqual(MIN_CLEAR_APPLIED);
    expect(gateFailures(score)).toEqual([]);
  });

  it("marks do-not-call exactly the calls that ask for it, in every language offered", () => {
    const marked = results.filter((result) => result.doNotCall).map((result) => result.case.id);
    expect(marked).toEqual(CORPUS.filter((entry) => entry.label.doNotCall).map((entry) => entry.id));
  });

  it("sends a cancellation only for a decline it applied, and the confirmation of an applied confirmation", () => {
    for (const result of results.filter((entry) => !entry.held)) {
      const expected = { confirmed: ["confirmed"], declined: ["declined"] }[result.applied as string] ?? [];
      if (result.applied !== "rescheduled") expect(result.messages, result.case.id).toEqual(expected);
    }
  });
});
