import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBolnaTime } from "@/lib/time/bolna-time";
import { slotToInstant } from "@/lib/time/slot-time";
import { parseExecution } from "./parse-execution";

/**
 * Whatever JSON arrives at the webhook, reading it never throws and never lets an out-of-range value through:
 * the handler's only answers for a bad body are 400s, and what is stored stays within the documented bounds.
 */

const RUNS = process.env.LONG === "1" ? 20_000 : 2000;
const weird = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 30 }),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "Infinity",
    "1e400",
    "-0",
    "0x10",
    "completed",
    " COMPLETED ",
    "2025-12-10T09:30:12.481223",
    "2025-02-30T10:00:00",
  ),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 2 ** 53),
  fc.string({ minLength: 199, maxLength: 205 }),
);
const KEYS = [
  "id",
  "execution_id",
  "status",
  "created_at",
  "updated_at",
  "conversation_duration",
  "total_cost",
  "transcript",
  "summary",
  "error_message",
  "extracted_data",
  "user_number",
  "recipient_phone_number",
  "telephony_data",
  "context_details",
] as const;
const bodyArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), weird),
  fc.record({
    id: weird,
    telephony_data: fc.oneof(
      weird,
      fc.dictionary(fc.constantFrom("duration", "to_number", "recording_url", "hangup_by", "hangup_reason"), weird),
    ),
    context_details: fc.oneof(weird, fc.dictionary(fc.constantFrom("recipient_phone_number", "recipient_data"), weird)),
  }),
  fc.anything(),
);

describe("parseExecution", () => {
  it("never throws, and keeps every field within its bounds", () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        // Bodies reach the parser through JSON.parse: a round trip gives the same shapes the webhook sees.
        const text = JSON.stringify(body);
        const input: unknown = text === undefined ? body : JSON.parse(text);
        const result = parseExecution(input);
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          return;
        }
        const execution = result.execution;
        expect(typeof execution.executionId).toBe("string");
        expect(execution.executionId.trim().length).toBeGreaterThan(0);
        expect(execution.executionId.length).toBeLessThanOrEqual(200);
        if (execution.status !== null) {
          expect(execution.status).toBe(execution.status.trim().toLowerCase());
          expect(execution.status.length).toBeGreaterThan(0);
        }
        for (const value of [execution.conversationSeconds, execution.durationSeconds, execution.totalCost]) {
          if (value !== null) expect(Number.isFinite(value)).toBe(true);
        }
        for (const value of [
          execution.transcript,
          execution.summary,
          execution.errorMessage,
          execution.recordingUrl,
          execution.hangupBy,
          execution.hangupReason,
        ]) {
          if (value !== null) expect(value.length).toBeLessThanOrEqual(200_000);
        }
        if (execution.extractedData !== null) {
          expect(typeof execution.extractedData).toBe("object");
          expect(Array.isArray(execution.extractedData)).toBe(false);
          expect(() => JSON.stringify(execution.extractedData)).not.toThrow();
        }
        for (const instant of [execution.createdAt, execution.updatedAt]) {
          if (instant !== null) expect(Number.isNaN(instant.date.getTime())).toBe(false);
        }
        expect(execution.phones.every((phone) => typeof phone === "string" && phone.trim() !== "")).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});

describe("time readers", () => {
  it("parseBolnaTime never throws and returns only valid instants", () => {
    const timeLike = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom("", ".1", ".123456", ".1234567890", "Z", "+05:30", "-14:00", "+15:00", "+0530", " z"),
      )
      .map(
        ([y, mo, d, h, mi, tail]) =>
          `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:00${tail}`,
      );
    fc.assert(
      fc.property(fc.oneof(timeLike, fc.string(), fc.anything()), (value) => {
        const instant = parseBolnaTime(value);
        if (instant !== null) {
          expect(Number.isNaN(instant.date.getTime())).toBe(false);
          expect(Number.isSafeInteger(instant.micros) || Math.abs(instant.micros) < 8.64e18).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("slotToInstant never throws and reads 12-hour times only from 1 to 12", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 12 }), fc.anything()),
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.integer({ min: 0, max: 25 }).map((h) => `${h}:30 PM`),
        ),
        (date, time) => {
          const instant = slotToInstant(date, time, "Asia/Kolkata");
          if (instant !== null) expect(Number.isNaN(instant.getTime())).toBe(false);
          const hour = typeof time === "string" ? /^(\d+):30 PM$/.exec(time)?.[1] : undefined;
          if (hour !== undefined && (Number(hour) < 1 || Number(hour) > 12)) expect(instant).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
