import { describe, expect, it } from "vitest";
import { stopCallingRequest } from "./stop-calling-request";

const finished = (transcript: string | null, extractedData: Record<string, unknown> | null = null) =>
  stopCallingRequest({ status: "completed", transcript, extractedData }, true);

describe("stopCallingRequest", () => {
  it.each([
    "user: Please stop calling me.",
    "user: Don't call me again, I'm not interested.",
    "user: Do not call this number anymore.",
    "user: Take me off your list.",
    "user: कृपया मुझे दोबारा कॉल मत कीजिए।",
    "user: फ़ोन मत करो मुझे",
    "user: कॉल करना बंद करो",
    "user: Mujhe call mat karo please",
    "user: phone karna band karo",
  ])("hears the candidate asking: %s", (line) => {
    expect(finished(`assistant: Hello, this is Ava.\n${line}\n`)).toMatch(/their own words/);
  });

  it.each([
    "assistant: We will stop calling you, and we will not call you again.\nuser: Okay, thanks.",
    "user: Don't call me at work, call me after six.",
    "user: You can call me again tomorrow.",
    "user: Please don't stop calling, I want the job.",
  ])("does not hear a request in: %s", (transcript) => {
    expect(finished(transcript)).toBeNull();
  });

  it("reads the agent's extraction and dispositions first", () => {
    expect(finished(null, { call_outcome: "DO_NOT_CALL" })).toMatch(/extraction/);
    expect(finished(null, { do_not_call: true })).toMatch(/extraction/);
    expect(finished(null, { compliance: { do_not_call: { objective: "yes", confidence: 0.9 } } })).toMatch(/extraction/);
    expect(finished(null, { outcome: { call_result: { objective: "stop_calling" } } })).toMatch(/extraction/);
    expect(finished(null, { call_outcome: "ACCEPTED", do_not_call: false })).toBeNull();
  });

  it("waits for the call to end", () => {
    expect(
      stopCallingRequest({ status: "call-disconnected", transcript: "user: stop calling me", extractedData: null }, false),
    ).toBeNull();
  });
});
