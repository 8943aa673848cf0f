import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseExecution, type Execution } from "@/lib/bolna/parse-execution";
import { loadPayload, payloadText } from "@/tests/support/payloads";
import { EMPTY_CALL_STATE, eventOrderKey, foldExecution, type CallState } from "./fold-execution";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"] as const;

type Event = { name: string; execution: Execution; key: string };

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

function eventFromBody(name: string, body: unknown, rawText = JSON.stringify(body)): Event {
  const result = parseExecution(body);
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return { name, execution: result.execution, key: eventOrderKey(result.execution, sha256(rawText)) };
}

function sampleEvent(name: string): Event {
  const text = payloadText(name);
  return eventFromBody(name, JSON.parse(text), text);
}

/** A sample body with top-level and telephony_data fields replaced, as a distinct delivery. */
function editedEvent(name: string, edits: { top?: Record<string, unknown>; telephony?: Record<string, unknown> }): Event {
  const body = loadPayload(name) as Record<string, unknown>;
  const edited = { ...body, ...edits.top, telephony_data: { ...(body.telephony_data as object), ...edits.telephony } };
  return eventFromBody(`${name} (edited)`, edited);
}

const INITIAL = EMPTY_CALL_STATE;

const foldAll = (events: readonly Event[], start: CallState = INITIAL) =>
  events.reduce((state, event) => foldExecution(state, event.execution, event.key).state, start);

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

const events = LIFECYCLE.map(sampleEvent);
const byName = (name: (typeof LIFECYCLE)[number]) => events[LIFECYCLE.indexOf(name)]!;
const completed = byName("05-completed-confirmed");
const disconnected = byName("04-call-disconnected");
const inOrder = foldAll(events);

describe("eventOrderKey", () => {
  it("is the zero-padded attempt, rank, zero-padded microseconds of updated_at, then the body hash", () => {
    const hash = "ab".repeat(32);
    expect(eventOrderKey(completed.execution, hash)).toBe(`00:9:01765359238772410:${hash}`);
    expect(eventOrderKey(byName("01-queued").execution, hash)).toBe(`00:1:01765359012514980:${hash}`);
    expect(eventOrderKey({ ...byName("01-queued").execution, attempt: 2 }, hash)).toBe(`02:1:01765359012514980:${hash}`);
  });

  it("sorts the lifecycle samples in lifecycle order", () => {
    const keys = events.map((event) => event.key);
    expect([...keys].sort()).toEqual(keys);
  });

  it("ranks a terminal status above any progress status, whatever the timestamps", () => {
    const lateInProgress = editedEvent("03-in-progress", { top: { updated_at: "2030-01-01T00:00:00" } });
    expect(lateInProgress.key < completed.key).toBe(true);
  });

  it("orders events of the same rank by updated_at, to the microsecond", () => {
    const a = editedEvent("05-completed-confirmed", { top: { updated_at: "2025-12-10T09:33:58.772410" } });
    const b = editedEvent("05-completed-confirmed", { top: { updated_at: "2025-12-10T09:33:58.772411" } });
    expect(a.key < b.key).toBe(true);
  });

  it("breaks a tie on rank and time with the body hash", () => {
    expect(eventOrderKey(completed.execution, "a") < eventOrderKey(completed.execution, "b")).toBe(true);
  });

  it("uses zero for a missing updated_at, so such an event sorts first within its rank", () => {
    const undated = editedEvent("05-completed-confirmed", { top: { updated_at: null } });
    expect(undated.key.startsWith(`00:9:${"0".repeat(17)}:`)).toBe(true);
    expect(undated.key < completed.key).toBe(true);
  });
});

describe("foldExecution over the lifecycle samples", () => {
  it("folds them in order into the completed call", () => {
    const extracted = completed.execution.extractedData;
    expect(inOrder).toEqual({
      status: "completed",
      transcript: completed.execution.transcript,
      summary: completed.execution.summary,
      recordingUrl: completed.execution.recordingUrl,
      durationSeconds: 75,
      conversationSeconds: 73.6,
      totalCost: 17.43,
      hangupBy: "Callee",
      hangupReason: "Call recipient hungup",
      errorMessage: null,
      extractedData: extracted,
      answeredByVoicemail: null,
      retryHistory: null,
      retryConfig: null,
      scheduledAt: new Date("2025-12-10T09:30:12.481Z"),
      spokenZone: null,
      silentEnd: null,
      attempt: 0,
      bolnaUpdatedAt: completed.execution.updatedAt!.date,
      stateKey: completed.key,
      fieldKeys: Object.fromEntries(
        [
          "transcript",
          "summary",
          "recordingUrl",
          "durationSeconds",
          "conversationSeconds",
          "totalCost",
          "hangupBy",
          "hangupReason",
          "extractedData",
        ].map((field) => [field, completed.key]),
      ),
    });
    expect(extracted?.call_outcome).toBe("ACCEPTED");
  });

  const orders = permutations(events);

  it("has all 120 orders of the five events", () => {
    expect(orders).toHaveLength(120);
    expect(new Set(orders.map((order) => order.map((event) => event.name).join(","))).size).toBe(120);
  });

  it.each(orders.map((order) => [order.map((event) => event.name.slice(0, 2)).join(" "), order] as const))(
    "order %s folds to the in-order call",
    (_label, order) => {
      expect(foldAll(order)).toEqual(inOrder);
    },
  );

  it("folds every order to the same call when deliveries are repeated", () => {
    for (const order of orders) {
      const doubled = order.flatMap((event) => [event, event]);
      const replayed = [...order, ...[...order].reverse()];
      expect(foldAll(doubled)).toEqual(inOrder);
      expect(foldAll(replayed)).toEqual(inOrder);
    }
  });

  it("does not mutate the state it is given", () => {
    const before = structuredClone(inOrder);
    foldExecution(inOrder, disconnected.execution, disconnected.key);
    foldExecution(INITIAL, completed.execution, completed.key);
    expect(inOrder).toEqual(before);
    expect(INITIAL.stateKey).toBeNull();
    expect(INITIAL.fieldKeys).toEqual({});
  });
});

describe("late and repeated deliveries", () => {
  const beforeLate = foldAll(events.filter((event) => event !== disconnected));

  it("a late 04 after 05 keeps the call completed and blanks nothing", () => {
    const fold = foldExecution(beforeLate, disconnected.execution, disconnected.key);
    expect(fold.newest).toBe(false);
    expect(fold.changed).toBe(false);
    expect(fold.state).toEqual(beforeLate);
    expect(fold.state.status).toBe("completed");
    expect(fold.state.transcript).toBe(completed.execution.transcript);
    expect(fold.state.recordingUrl).toMatch(/^https:\/\//);
    expect(fold.state.extractedData).toEqual(completed.execution.extractedData);
  });

  it("a repeated 05 is neither newest nor a change", () => {
    const fold = foldExecution(inOrder, completed.execution, completed.key);
    expect(fold).toEqual({ state: inOrder, newest: false, changed: false });
  });

  it("reports the first terminal delivery as newest and changed", () => {
    const beforeCompleted = foldAll(events.slice(0, 4));
    const fold = foldExecution(beforeCompleted, completed.execution, completed.key);
    expect(fold.newest).toBe(true);
    expect(fold.changed).toBe(true);
    expect(beforeCompleted.status).toBe("call-disconnected");
  });

  it("an early event arriving late can still fill a field no later event carried", () => {
    const withoutTranscript = editedEvent("05-completed-confirmed", { top: { transcript: null } });
    const state = foldAll([withoutTranscript, disconnected]);
    expect(state.status).toBe("completed");
    expect(state.transcript).toBe(disconnected.execution.transcript);
    expect(state.fieldKeys.transcript).toBe(disconnected.key);
  });
});

describe("values that are not values", () => {
  it("04's empty recording_url and zero duration do not fill the call", () => {
    expect(disconnected.execution.recordingUrl).toBe("");
    expect(disconnected.execution.durationSeconds).toBe(0);
    const state = foldAll(events.slice(0, 4));
    expect(state.recordingUrl).toBeNull();
    expect(state.durationSeconds).toBeNull();
    expect(state.totalCost).toBe(6.3);
    expect(state.fieldKeys).not.toHaveProperty("recordingUrl");
    expect(state.fieldKeys).not.toHaveProperty("durationSeconds");
  });

  it("the queued samples' zero cost and durations are never stored", () => {
    const state = foldAll(events.slice(0, 3));
    expect(state).toMatchObject({ status: "in-progress", totalCost: null, conversationSeconds: null, durationSeconds: null });
    expect(state.fieldKeys).toEqual({});
  });

  it("a later delivery with recording_url '', duration 0, empty text and {} extraction does not overwrite real values", () => {
    const blanked = editedEvent("05-completed-confirmed", {
      top: {
        updated_at: "2025-12-10T09:40:00.000000",
        transcript: "",
        summary: "",
        conversation_duration: 0,
        total_cost: "0",
        extracted_data: {},
      },
      telephony: { recording_url: "", duration: "0.0", hangup_by: "", hangup_reason: null },
    });
    expect(blanked.key > completed.key).toBe(true);
    const fold = foldExecution(inOrder, blanked.execution, blanked.key);
    expect(fold.newest).toBe(true);
    // Only its final "nobody spoke" is kept, beside the real duration, which still says someone did.
    expect(fold.state).toEqual({
      ...inOrder,
      stateKey: blanked.key,
      bolnaUpdatedAt: new Date("2025-12-10T09:40:00.000Z"),
      silentEnd: true,
      fieldKeys: { ...inOrder.fieldKeys, silentEnd: blanked.key },
    });
  });

  it("a later delivery with real values does overwrite, field by field", () => {
    const newer = editedEvent("05-completed-confirmed", {
      top: { updated_at: "2025-12-10T09:40:00.000000", total_cost: 18 },
      telephony: { recording_url: "https://example.test/new.mp3" },
    });
    const state = foldExecution(inOrder, newer.execution, newer.key).state;
    expect(state).toMatchObject({ totalCost: 18, recordingUrl: "https://example.test/new.mp3", durationSeconds: 75 });
    expect(state.fieldKeys).toMatchObject({ totalCost: newer.key, recordingUrl: newer.key, durationSeconds: newer.key });
  });

  it("a final status's conversation_duration 0 says nobody spoke; a body without the key says nothing", () => {
    const silent = editedEvent("06-no-answer", { top: { conversation_duration: 0 } });
    expect(foldAll([silent])).toMatchObject({ conversationSeconds: null, silentEnd: true });
    const unsaid = editedEvent("06-no-answer", { top: { conversation_duration: undefined } });
    expect(foldAll([unsaid])).toMatchObject({ conversationSeconds: null, silentEnd: null });
    // The queued samples say 0 before the call ends: not yet known.
    expect(foldAll(events.slice(0, 3)).silentEnd).toBeNull();
    expect(inOrder.silentEnd).toBeNull();
  });

  it("the zone the agent spoke comes from recipient_data.timezone (else interview_timezone); an unknown name is ignored", () => {
    const withZone = (recipientData: Record<string, unknown>) =>
      editedEvent("05-completed-confirmed", {
        top: { context_details: { recipient_phone_number: "+919800000101", recipient_data: recipientData } },
      });
    expect(foldAll([withZone({ timezone: "Asia/Kolkata", interview_timezone: "UTC" })]).spokenZone).toBe("Asia/Kolkata");
    expect(foldAll([withZone({ interview_timezone: "Europe/London" })]).spokenZone).toBe("Europe/London");
    expect(foldAll([withZone({ timezone: "Mars/Olympus_Mons" })]).spokenZone).toBeNull();
  });
});

it("folds to the same bolnaUpdatedAt in any order when the newest event has no updated_at", () => {
  const undatedCompleted = editedEvent("05-completed-confirmed", { top: { updated_at: null } });
  const ringing = byName("02-ringing");
  expect(foldAll([undatedCompleted, ringing])).toEqual(foldAll([ringing, undatedCompleted]));
});
