import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOLNA_STATUSES } from "@/lib/bolna/call-status";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { EMPTY_CALL_STATE, eventOrderKey, FOLDED_FIELDS, foldExecution, keyAttempt, type CallState } from "./fold-execution";

/**
 * The fold is a per-field maximum over event order keys, so any order of the same events, with any repeats,
 * must fold to the same call. Events here are arbitrary (any status, missing or equal timestamps, fields that
 * come and go), not only realistic lifecycles: the property must not depend on Bolna behaving.
 */

const INITIAL = EMPTY_CALL_STATE;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(null), fc.constant(""), arb);
const number = fc.oneof(
  fc.constant(0),
  fc.constant(null),
  fc.integer({ min: 1, max: 5000 }).map((n) => n / 10),
  fc.constantFrom("0.0", "75", "12.5"),
);

const bodyArb = fc.record({
  id: fc.constant("fold-property"),
  status: fc.oneof(fc.constantFrom(...BOLNA_STATUSES), fc.constantFrom("SURPRISE", "", "Completed ")),
  // Few distinct instants, so that equal timestamps (ties broken by the body hash) are common.
  updated_at: fc.option(
    fc.constantFrom(
      "2025-12-10T09:30:12.000001",
      "2025-12-10T09:30:12.000002",
      "2025-12-10T09:31:00",
      "2025-12-10T09:33:58.772410",
    ),
    { nil: undefined },
  ),
  transcript: maybe(fc.constantFrom("assistant: hi\n", "assistant: hi\nuser: yes\n")),
  summary: maybe(fc.constantFrom("short", "longer summary")),
  conversation_duration: number,
  total_cost: number,
  error_message: maybe(fc.constantFrom("SIP 503", "busy")),
  extracted_data: fc.oneof(
    fc.constant(null),
    fc.constant({}),
    fc.constantFrom({ call_outcome: "ACCEPTED" }, { call_outcome: "REJECTED" }, '{"call_outcome":"RESCHEDULED"}'),
  ),
  telephony_data: fc.record({
    duration: number,
    recording_url: maybe(fc.constantFrom("https://r.example/1", "https://r.example/2")),
    hangup_by: maybe(fc.constantFrom("Callee", "Carrier")),
    hangup_reason: maybe(fc.constantFrom("Call recipient hungup", "No answer")),
  }),
  // Bolna's retries: the same execution id comes back with retry_count 1, 2, 3.
  retry_count: fc.oneof(fc.constant(0), fc.constant(undefined), fc.integer({ min: 1, max: 3 })),
  retry_history: fc.oneof(
    fc.constant(null),
    fc.constant([{ attempt: 1, status: "no-answer", at: "2025-12-10T09:31:00" }]),
    fc.constant([
      { attempt: 1, status: "no-answer", at: "2025-12-10T09:31:00" },
      { attempt: 2, status: "busy", at: "2025-12-10T10:31:00" },
    ]),
  ),
  answered_by_voice_mail: fc.constantFrom(null, true, false),
  scheduled_at: fc.constantFrom(null, "2025-12-10T10:01:00", "2025-12-10T11:01:00+05:30"),
});

function fold(bodies: unknown[]): CallState {
  let state = INITIAL;
  for (const body of bodies) {
    const text = JSON.stringify(body);
    const parsed = parseExecution(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.message);
    state = foldExecution(
      state,
      parsed.execution,
      eventOrderKey(parsed.execution, crypto.createHash("sha256").update(text).digest("hex")),
    ).state;
  }
  return state;
}

describe("foldExecution", () => {
  it("folds any order of the same events, with any repeats, to the same call", () => {
    const arb = fc
      .uniqueArray(bodyArb, { minLength: 1, maxLength: 7, selector: (body) => JSON.stringify(body) })
      .chain((bodies) => {
        const withRepeats = fc
          .array(fc.nat(bodies.length - 1), { maxLength: 5 })
          .map((extra) => [...bodies, ...extra.map((index) => bodies[index]!)]);
        return fc.tuple(
          fc.constant(bodies),
          withRepeats.chain((all) => fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length })),
        );
      });
    fc.assert(
      fc.property(arb, ([bodies, shuffled]) => {
        expect(fold(shuffled)).toEqual(fold(bodies));
      }),
      { numRuns: process.env.LONG === "1" ? 20_000 : 2000 },
    );
  }, 300_000);

  it("never lets a later fold blank a field that an event of the same attempt filled", () => {
    fc.assert(
      fc.property(fc.array(bodyArb, { minLength: 1, maxLength: 8 }), (bodies) => {
        let previous = INITIAL;
        for (let i = 1; i <= bodies.length; i += 1) {
          const state = fold(bodies.slice(0, i));
          // A later attempt starts a new conversation: the earlier attempt's fields are hidden, on purpose.
          if (state.attempt === previous.attempt) {
            for (const field of FOLDED_FIELDS) {
              if (previous[field] !== null) expect(state[field], field).not.toBeNull();
            }
          }
          if (previous.status !== null) expect(state.status).not.toBeNull();
          expect(state.attempt).toBeGreaterThanOrEqual(previous.attempt);
          previous = state;
        }
      }),
      { numRuns: process.env.LONG === "1" ? 10_000 : 1000 },
    );
  }, 300_000);

  it("shows only fields of the latest attempt, and a status of an attempt no earlier one outranks", () => {
    fc.assert(
      fc.property(fc.array(bodyArb, { minLength: 1, maxLength: 10 }), (bodies) => {
        const state = fold(bodies);
        const attempts = bodies.map((body) => (typeof body.retry_count === "number" ? body.retry_count : 0));
        expect(state.attempt).toBe(Math.max(...attempts));
        for (const field of FOLDED_FIELDS) {
          if (state[field] !== null) expect(keyAttempt(state.fieldKeys[field]!), field).toBe(state.attempt);
        }
        const withStatus = bodies.filter((body) => body.status.trim() !== "");
        if (withStatus.length > 0) {
          const latestWithStatus = Math.max(
            ...withStatus.map((body) => (typeof body.retry_count === "number" ? body.retry_count : 0)),
          );
          expect(keyAttempt(state.stateKey!)).toBe(latestWithStatus);
        }
      }),
      { numRuns: process.env.LONG === "1" ? 10_000 : 1000 },
    );
  }, 300_000);

  // A delivery without a status (or with "") ranks 0 like a status Callboard does not know yet and would win on
  // its later updated_at: {status: "voicemail", updated_at: …:00} then {status: "", updated_at: …:01} must
  // still leave the call "voicemail".
  it("never replaces a status with no status", () => {
    const state = fold([
      { id: "fold-bug", status: "voicemail", updated_at: "2025-12-10T09:30:00" },
      { id: "fold-bug", status: "", updated_at: "2025-12-10T09:30:01" },
    ]);
    expect(state.status).toBe("voicemail");
  });
});
