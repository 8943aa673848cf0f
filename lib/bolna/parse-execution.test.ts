import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { loadPayload, PAYLOAD_DIR } from "@/tests/support/payloads";
import { parseExecution, type Execution } from "./parse-execution";

type Body = Record<string, unknown>;

const loadBody = (name: string): Body => loadPayload(name);

function parsedOk(body: unknown): Execution {
  const result = parseExecution(body);
  if (!result.ok) throw new Error(`expected the body to parse, got: ${result.message}`);
  return result.execution;
}

/** The completed-confirmed sample with some top-level fields replaced (undefined deletes the field). */
function variant(overrides: Body, base = "05-completed-confirmed"): Body {
  const body = { ...loadBody(base), ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete body[key];
  return body;
}

/** The same, with fields of telephony_data replaced. */
function telephonyVariant(overrides: Body): Body {
  const body = loadBody("05-completed-confirmed");
  return { ...body, telephony_data: { ...(body.telephony_data as Body), ...overrides } };
}

const RECORDING = (suffix: string) =>
  `https://bolna-call-recordings.s3.us-east-1.amazonaws.com/AC1f3285e7c353c7d4036544f8dac36b98/${suffix}`;

describe("parseExecution on the sample bodies", () => {
  // name, id, status, phone, conversationSeconds, durationSeconds, recordingUrl, call_outcome
  const samples = [
    ["01-queued", "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11", "queued", "+919800000101", 0, null, null, null],
    ["02-ringing", "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11", "ringing", "+919800000101", 0, null, null, null],
    ["03-in-progress", "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11", "in-progress", "+919800000101", 0, null, null, null],
    ["04-call-disconnected", "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11", "call-disconnected", "+919800000101", 73.6, 0, "", null],
    [
      "05-completed-confirmed",
      "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11",
      "completed",
      "+919800000101",
      73.6,
      75,
      RECORDING("RE5d0c2a9b8e7f6a5b4c3d2e1f0a9b8c7d"),
      "ACCEPTED",
    ],
    ["06-no-answer", "8d1f0c3e-52a7-4c9b-b1e4-6a0d9f2c7e35", "no-answer", "+919800000102", 0, 0, null, null],
    ["07-busy", "f4b27e91-0d6c-4a3e-8c57-2e9b1a6d0f48", "busy", "+919800000103", 0, 0, null, null],
    ["08-failed", "2b6e9d70-8a31-4f5c-9e02-c7d4a1b3f586", "failed", "+919800000104", 0, 0, null, null],
    [
      "09-completed-declined",
      "9e3c5a12-7b48-4d06-a1f9-3c8e2d7b6a04",
      "completed",
      "+919800000105",
      48.2,
      50,
      RECORDING("RE9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"),
      "REJECTED",
    ],
    [
      "10-completed-rescheduled",
      "5f8a1d3b-c9e2-47a0-b6d4-0e7c2f9a3b61",
      "completed",
      "+919800000106",
      101.7,
      103,
      RECORDING("RE1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e"),
      "RESCHEDULED",
    ],
  ] as const;

  it("covers every sample body in tests/fixtures/bolna", () => {
    const names = fs
      .readdirSync(PAYLOAD_DIR)
      .filter((file) => file.endsWith(".json"))
      .map((file) => file.replace(/\.json$/, ""));
    expect(names.sort()).toEqual(samples.map(([name]) => name));
  });

  it.each(samples)("parses %s", (name, id, status, phone, conversationSeconds, durationSeconds, recordingUrl, callOutcome) => {
    const body = loadBody(name);
    const execution = parsedOk(body);
    expect(execution).toMatchObject({
      executionId: id,
      status,
      phones: [phone],
      conversationSeconds,
      durationSeconds,
      recordingUrl,
    });
    expect(execution.totalCost).toBe(body.total_cost);
    expect(execution.transcript).toBe(body.transcript);
    expect(execution.summary).toBe(body.summary);
    expect(execution.errorMessage).toBe(body.error_message);
    expect(execution.updatedAt?.date.toISOString().slice(0, 23)).toBe(String(body.updated_at).slice(0, 23));
    expect(execution.createdAt?.micros).toBeLessThanOrEqual(execution.updatedAt!.micros);
    if (callOutcome === null) {
      expect(execution.extractedData).toBeNull();
    } else {
      expect(execution.extractedData).toEqual(body.extracted_data);
      expect(execution.extractedData?.call_outcome).toBe(callOutcome);
    }
  });

  it("keeps the failure's error message and hang-up details", () => {
    expect(parsedOk(loadBody("08-failed"))).toMatchObject({
      errorMessage: "Call failed: the destination number could not be reached",
      hangupBy: "Error",
      hangupReason: "Call failed",
    });
    expect(parsedOk(loadBody("06-no-answer"))).toMatchObject({ hangupBy: "Carrier", hangupReason: "No answer" });
  });

  it("reads updated_at with microsecond precision", () => {
    expect(parsedOk(loadBody("01-queued")).updatedAt?.micros).toBe(Date.UTC(2025, 11, 10, 9, 30, 12) * 1000 + 514_980);
  });
});

describe("parseExecution: the execution id", () => {
  it("turns an integer id into a string", () => {
    expect(parsedOk(variant({ id: 12345 })).executionId).toBe("12345");
    expect(parsedOk(variant({ id: 0 })).executionId).toBe("0");
  });

  it("accepts a body with only execution_id, trimmed", () => {
    expect(parsedOk(variant({ id: undefined, execution_id: "  exec-42  " })).executionId).toBe("exec-42");
    expect(parsedOk(variant({ id: undefined, execution_id: 42 })).executionId).toBe("42");
  });

  it("prefers id over execution_id, and falls back to execution_id when id is unusable", () => {
    expect(parsedOk(variant({ id: "from-id", execution_id: "from-execution-id" })).executionId).toBe("from-id");
    expect(parsedOk(variant({ id: "   ", execution_id: "from-execution-id" })).executionId).toBe("from-execution-id");
  });

  it("makes an id and texts with lone surrogates well-formed (SQLite would read them back changed)", () => {
    const execution = parsedOk(
      JSON.parse('{"id":"a\\udc00\\ud800b\\ud83d\\ude00","transcript":"user: \\ud800","status":"ringing"}'),
    );
    expect(execution.executionId).toBe("a\uFFFD\uFFFDb\u{1F600}");
    expect(execution.transcript).toBe("user: \uFFFD");
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["blank", "   "],
    ["a fraction", 1.5],
    ["an unsafe integer", 2 ** 60],
    ["over 200 characters", "x".repeat(201)],
    ["an object", { value: "abc" }],
    ["null", null],
  ])("refuses a body whose id is %s, with a message", (_label, id) => {
    const result = parseExecution(variant({ id }));
    expect(result).toEqual({ ok: false, message: "The execution has no id (`id` or `execution_id`)." });
  });
});

describe("parseExecution: extracted_data", () => {
  const extracted = (value: unknown) => parsedOk(variant({ extracted_data: value })).extractedData;

  it("parses a JSON string into an object", () => {
    expect(extracted('{"call_outcome":"ACCEPTED","final_slot":{"date":"2025-12-12"}}')).toEqual({
      call_outcome: "ACCEPTED",
      final_slot: { date: "2025-12-12" },
    });
  });

  it.each([
    ["an invalid JSON string", "{call_outcome: ACCEPTED"],
    ["a JSON string holding an array", '["ACCEPTED"]'],
    ["a JSON string holding a string", '"ACCEPTED"'],
    ["an empty object", {}],
    ["an empty-object string", "{}"],
    ["an array", [{ call_outcome: "ACCEPTED" }]],
    ["a number", 42],
    ["null", null],
  ])("gives null for %s", (_label, value) => {
    expect(extracted(value)).toBeNull();
  });

  /** {a: {a: ... {a: 1}}} with `depth` objects. */
  function nested(depth: number): Body {
    let value: unknown = 1;
    for (let level = 0; level < depth; level++) value = { a: value };
    return value as Body;
  }

  it("keeps moderately nested data and drops data nested past 32 levels", () => {
    expect(extracted(nested(32))).toEqual(nested(32));
    expect(extracted(nested(33))).toBeNull();
  });

  it.each([1000, 100_000])("gives null, without throwing, for an object nested %i deep", (depth) => {
    expect(() => extracted(nested(depth))).not.toThrow();
    expect(extracted(nested(depth))).toBeNull();
  });

  it("gives null, without throwing, for a JSON string nested 1000 deep", () => {
    const text = `${'{"a":'.repeat(1000)}1${"}".repeat(1000)}`;
    expect(extracted(text)).toBeNull();
  });

  it("counts arrays as nesting too", () => {
    let value: unknown = [];
    for (let level = 0; level < 1000; level++) value = [value];
    expect(extracted({ list: value })).toBeNull();
  });
});

describe("parseExecution: loose numbers and wrong types", () => {
  it("reads numbers sent as strings", () => {
    const execution = parsedOk({
      ...telephonyVariant({ duration: " 75.5 " }),
      conversation_duration: "73.6",
      total_cost: "17",
    });
    expect(execution).toMatchObject({ conversationSeconds: 73.6, durationSeconds: 75.5, totalCost: 17 });
  });

  it.each([
    ["a word", "abc"],
    ["an empty string", ""],
    ["a blank string", "  "],
    ["Infinity", "Infinity"],
    ["an overflowing number", "1e999"],
    ["a boolean", true],
    ["an object", { seconds: 73 }],
    ["a string over 40 characters", "1".repeat(41)],
  ])("gives null for a number that is %s", (_label, value) => {
    const execution = parsedOk({ ...telephonyVariant({ duration: value }), conversation_duration: value, total_cost: value });
    expect(execution).toMatchObject({ conversationSeconds: null, durationSeconds: null, totalCost: null });
  });

  it("tolerates wrong types as null instead of refusing the body", () => {
    const execution = parsedOk(
      variant({
        transcript: 42,
        summary: ["a", "b"],
        error_message: { code: 1 },
        status: {},
        created_at: 1765359012,
        updated_at: "yesterday",
        context_details: "nope",
        user_number: { n: 1 },
        telephony_data: [1, 2],
      }),
    );
    expect(execution).toMatchObject({
      executionId: "c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11",
      transcript: null,
      summary: null,
      errorMessage: null,
      status: null,
      createdAt: null,
      updatedAt: null,
      recordingUrl: null,
      durationSeconds: null,
      hangupBy: null,
      phones: [],
    });
    // Fields that were valid still come through.
    expect(execution.conversationSeconds).toBe(73.6);
    expect(execution.extractedData?.call_outcome).toBe("ACCEPTED");
  });

  it("keeps an unknown status, trimmed and lowercased", () => {
    expect(parsedOk(variant({ status: "  Voicemail-Detected " })).status).toBe("voicemail-detected");
    expect(parsedOk(variant({ status: "COMPLETED" })).status).toBe("completed");
  });

  it("reads an empty or over-long status as null", () => {
    expect(parsedOk(variant({ status: "   " })).status).toBeNull();
    expect(parsedOk(variant({ status: "x".repeat(65) })).status).toBeNull();
  });

  it("truncates very long text fields to 200,000 characters", () => {
    const execution = parsedOk(variant({ transcript: "u".repeat(250_000) }));
    expect(execution.transcript).toHaveLength(200_000);
  });

  it("keeps an empty recording_url as an empty string (folding treats it as no value)", () => {
    expect(parsedOk(telephonyVariant({ recording_url: "" })).recordingUrl).toBe("");
  });
});

describe("parseExecution: the purpose echoed in recipient_data", () => {
  const purposeOf = (recipientData: unknown) =>
    parsedOk(variant({ context_details: { recipient_phone_number: "+919800000101", recipient_data: recipientData } })).purpose;

  it("reads the purpose Callboard sent in user_data", () => {
    expect(purposeOf({ purpose: "reconfirmation", timezone: "Asia/Kolkata" })).toBe("reconfirmation");
    expect(purposeOf({ purpose: "confirmation" })).toBe("confirmation");
  });

  it("reads anything else, or nothing, as not said, and keeps the rest of recipient_data", () => {
    expect(purposeOf({ purpose: "RECONFIRMATION" })).toBeNull();
    expect(purposeOf({ purpose: { nested: true } })).toBeNull();
    expect(purposeOf({})).toBeNull();
    expect(purposeOf(null)).toBeNull();
    const body = variant({ context_details: { recipient_data: { purpose: 7, timezone: "Asia/Kolkata" } } });
    expect(parsedOk(body)).toMatchObject({ purpose: null, spokenZone: "Asia/Kolkata" });
  });
});

describe("parseExecution: phones", () => {
  const phonesOf = (overrides: Body, telephony: Body = {}) => parsedOk({ ...telephonyVariant(telephony), ...overrides }).phones;

  it("accepts a top-level recipient_phone_number", () => {
    expect(
      phonesOf(
        { context_details: undefined, user_number: undefined, recipient_phone_number: "+919800000199" },
        { to_number: null },
      ),
    ).toEqual(["+919800000199"]);
  });

  it("orders context_details first, then recipient_phone_number, user_number and telephony to_number", () => {
    expect(
      phonesOf(
        { context_details: { recipient_phone_number: "+911" }, recipient_phone_number: "+912", user_number: "+913" },
        { to_number: "+914" },
      ),
    ).toEqual(["+911", "+912", "+913", "+914"]);
  });

  it("removes duplicates, keeping the first place a number appears", () => {
    expect(
      phonesOf(
        { context_details: { recipient_phone_number: "+914" }, recipient_phone_number: "+912", user_number: "+914" },
        { to_number: "+912" },
      ),
    ).toEqual(["+914", "+912"]);
  });

  it("turns numeric phones into strings and skips blank or wrongly typed ones", () => {
    expect(
      phonesOf(
        { context_details: { recipient_phone_number: "  " }, recipient_phone_number: 919800000101, user_number: true },
        { to_number: "" },
      ),
    ).toEqual(["919800000101"]);
  });
});

describe("parseExecution: bodies that are not an execution object", () => {
  it.each([
    ["an array", [loadBody("05-completed-confirmed")]],
    ["null", null],
    ["a string", JSON.stringify(loadBody("05-completed-confirmed"))],
    ["a number", 42],
    ["undefined", undefined],
  ])("refuses %s", (_label, body) => {
    expect(parseExecution(body)).toEqual({ ok: false, message: "The body must be a JSON object (a Bolna execution)." });
  });

  it.each([["created_at"], ["updated_at"], ["extracted_data"]])("accepts a body without %s", (key) => {
    expect(parsedOk(variant({ [key]: undefined })).executionId).toBe("c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11");
  });

  it("accepts a minimal body with only an id and a status", () => {
    expect(parsedOk({ id: "exec-1", status: "queued" })).toMatchObject({ executionId: "exec-1", status: "queued" });
  });
});

describe("parseExecution: retries, voicemail and scheduled_at", () => {
  it("reads Bolna's retry fields as its auto-retry documentation shows them", () => {
    const execution = parsedOk({
      id: "execution-id",
      status: "scheduled",
      retry_count: 1,
      retry_config: { enabled: true, max_retries: 3 },
      retry_history: [{ attempt: 1, status: "no-answer", at: "2026-01-26T10:00:00Z" }],
      scheduled_at: "2026-01-26T10:30:00Z",
      answered_by_voice_mail: false,
    });
    expect(execution).toMatchObject({
      attempt: 1,
      retryHistory: [{ attempt: 1, status: "no-answer", at: "2026-01-26T10:00:00.000Z" }],
      scheduledAt: new Date("2026-01-26T10:30:00Z"),
      answeredByVoicemail: false,
      // A partial echo gets Bolna's defaults.
      retryConfig: {
        enabled: true,
        max_retries: 3,
        retry_on_statuses: ["no-answer", "busy", "failed"],
        retry_on_voicemail: false,
        retry_intervals_minutes: [30, 60, 120],
      },
    });
  });

  it("tolerates what is not a retry: a missing or odd count is the first attempt, bad history entries are left out", () => {
    for (const retry_count of [undefined, null, -1, 1.5, "2", 100]) {
      expect(parsedOk({ id: "x", status: "queued", retry_count }).attempt, String(retry_count)).toBe(0);
    }
    expect(parsedOk({ id: "x", retry_count: 42 }).attempt).toBe(42);
    const history = parsedOk({ id: "x", retry_history: [{ status: "busy" }, "nonsense", { retry_count: 0, status: " BUSY " }] });
    expect(history.retryHistory).toEqual([{ attempt: 1, status: "busy", at: null }]);
    expect(parsedOk({ id: "x", retry_history: "no" }).retryHistory).toBeNull();
    expect(parsedOk({ id: "x", retry_config: { enabled: false, max_retries: 2 } }).retryConfig).toBeNull();
    expect(parsedOk({ id: "x", retry_config: "on" }).retryConfig).toBeNull();
    expect(parsedOk({ id: "x", answered_by_voice_mail: "yes" }).answeredByVoicemail).toBeNull();
    expect(parsedOk({ id: "x", answered_by_voice_mail: true }).answeredByVoicemail).toBe(true);
  });
});
