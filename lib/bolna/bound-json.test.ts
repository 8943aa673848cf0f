import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPayload } from "@/tests/support/payloads";
import { boundJson, STORED_EXTRACTION, type JsonBounds } from "./bound-json";
import { parseExecution } from "./parse-execution";

const SMALL: JsonBounds = { depth: 3, keysPerObject: 4, itemsPerArray: 3, stringChars: 10, nodes: 20, totalChars: 40 };

/** Counts what a JSON value holds: values, deepest nesting, widest object or array, longest and total text. */
function measure(value: unknown) {
  const size = { nodes: 0, depth: 0, width: 0, longest: 0, chars: 0 };
  const visit = (node: unknown, depth: number) => {
    size.nodes += 1;
    if (typeof node === "string") {
      size.longest = Math.max(size.longest, node.length);
      size.chars += node.length;
    }
    if (typeof node !== "object" || node === null) return;
    size.depth = Math.max(size.depth, depth + 1);
    const entries = Object.entries(node);
    size.width = Math.max(size.width, entries.length);
    for (const [key, child] of entries) {
      if (!Array.isArray(node)) {
        size.longest = Math.max(size.longest, key.length);
        size.chars += key.length;
      }
      visit(child, depth + 1);
    }
  };
  visit(value, 0);
  return size;
}

describe("boundJson", () => {
  it("keeps a value within its bounds untouched", () => {
    const value = { call_outcome: "ACCEPTED", slot: { date: "2025-12-12", times: ["11:00"] } };
    expect(boundJson(value, STORED_EXTRACTION)).toEqual({ value, cut: false });
  });

  it("cuts keys, items, strings and depth, and says so", () => {
    const { value, cut } = boundJson(
      { a: "x".repeat(50), b: [1, 2, 3, 4, 5], c: { d: { e: { f: 1 } } }, d: 1, e: 2, f: 3 },
      SMALL,
    );
    expect(cut).toBe(true);
    expect(value).toEqual({ a: "x".repeat(10), b: [1, 2, 3], c: { d: { e: null } }, d: 1 });
  });

  it("keeps a __proto__ key as a key", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}') as unknown;
    const { value } = boundJson(parsed, STORED_EXTRACTION);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__", "ok"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("whatever JSON it gets, the copy stays within every bound", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (input) => {
        const { value, cut } = boundJson(input, SMALL);
        const size = measure(value);
        expect(size.depth).toBeLessThanOrEqual(SMALL.depth);
        expect(size.width).toBeLessThanOrEqual(Math.max(SMALL.keysPerObject, SMALL.itemsPerArray));
        expect(size.longest).toBeLessThanOrEqual(SMALL.stringChars);
        expect(size.chars).toBeLessThanOrEqual(SMALL.totalChars);
        // The node budget stops growth; each container may finish the one child it was adding.
        expect(size.nodes).toBeLessThanOrEqual(SMALL.nodes + SMALL.depth);
        if (!cut) expect(value).toEqual(input);
      }),
      { numRuns: process.env.LONG === "1" ? 20_000 : 1_000 },
    );
  });
});

describe("parseExecution bounds extracted_data", () => {
  // One ~1 MB delivery with 60,000 keys in extracted_data made every later view of the candidate crash.
  it("stores at most STORED_EXTRACTION of a 60,000-key extraction", () => {
    const extracted: Record<string, string> = { call_outcome: "ACCEPTED" };
    for (let i = 0; i < 60_000; i++) extracted[`k${i}`] = "v".repeat(8);
    const body = { ...loadPayload("05-completed-confirmed"), extracted_data: extracted };
    expect(JSON.stringify(body).length).toBeGreaterThan(900_000);
    const result = parseExecution(JSON.parse(JSON.stringify(body)));
    if (!result.ok) throw new Error(result.message);
    const kept = result.execution.extractedData!;
    expect(Object.keys(kept)).toHaveLength(STORED_EXTRACTION.keysPerObject);
    expect(kept.call_outcome).toBe("ACCEPTED");
    expect(JSON.stringify(kept).length).toBeLessThan(10_000);
  });

  it("cuts the short text fields to their own bounds", () => {
    const body = loadPayload("05-completed-confirmed");
    const long = "z".repeat(300_000);
    const result = parseExecution({
      ...body,
      summary: long,
      error_message: long,
      transcript: long,
      telephony_data: { ...(body.telephony_data as object), hangup_reason: long, hangup_by: long, recording_url: long },
    });
    if (!result.ok) throw new Error(result.message);
    const execution = result.execution;
    expect(execution.transcript).toHaveLength(200_000);
    expect(execution.summary).toHaveLength(20_000);
    expect(execution.errorMessage).toHaveLength(2_000);
    expect(execution.hangupReason).toHaveLength(1_000);
    expect(execution.hangupBy).toHaveLength(200);
    expect(execution.recordingUrl).toHaveLength(4_096);
  });
});
