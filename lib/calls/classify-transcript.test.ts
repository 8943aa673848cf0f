import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyTranscript } from "./classify-transcript";

const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/bolna");
const sampleTranscript = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as { transcript: string }).transcript;

/** A transcript in Bolna's format: one `role: text` line per turn. */
type Turn = readonly [role: "assistant" | "user", text: string];
const call = (...turns: Turn[]) => turns.map(([role, text]) => `${role}: ${text}`).join("\n");

const greeting: Turn = ["assistant", "Hi, am I speaking with Priya? I'm calling to confirm your interview."];

const REASONS = {
  confirmed: "Candidate confirmed (read from the transcript)",
  declined: "Candidate declined (read from the transcript)",
  rescheduled: "Candidate asked to reschedule but no slot was captured",
  unclear: "No extraction, and the transcript is not clear enough to decide",
  hesitant: "No extraction, and the candidate's answer is unclear",
  wrongPerson: "Someone other than the candidate may have answered",
  silent: "No extraction and no words from the candidate",
};

describe("classifyTranscript", () => {
  it("confirms sample 04, where the candidate says 'that works for me'", () => {
    expect(classifyTranscript(sampleTranscript("04-call-disconnected"))).toEqual({
      outcome: "confirmed",
      reason: REASONS.confirmed,
    });
  });

  it("abstains when only the assistant says confirm, another time and reschedule", () => {
    const transcript = call(
      greeting,
      ["user", "Yes, this is Priya."],
      ["assistant", "Can you confirm the slot? If not, we can reschedule to another time or a different day. That works for me."],
      ["user", "Okay"],
      ["assistant", "Great, I confirm your interview. I'll be there to help. See you then!"],
    );
    expect(classifyTranscript(transcript)).toEqual({ outcome: "pending", reason: REASONS.unclear });
  });

  it.each([
    ["null", null],
    ["empty", ""],
    ["assistant-only", call(greeting, ["assistant", "Hello? That works for me. I confirm."])],
    ["a 'user:' that is not at the start of a line", "assistant: the user: that works for me"],
  ])("is pending when the transcript is %s (no candidate words)", (_label, transcript) => {
    expect(classifyTranscript(transcript)).toEqual({ outcome: "pending", reason: REASONS.silent });
  });

  it.each([
    ["that works for me", "Yes, that works for me."],
    ["it works", "Friday? It works."],
    ["I can make it", "Sure, I can make it."],
    ["I will attend", "I will attend."],
    ["I'll be there", "I'll be there."],
    ["see you then", "Great, see you then."],
    ["I confirm", "I confirm."],
    ["yes, I'm available", "Yes, I'm available."],
    ["yes I am available (no comma)", "yes I am available"],
  ])("confirms when the candidate says %s", (_label, words) => {
    expect(classifyTranscript(call(greeting, ["user", words]))).toEqual({ outcome: "confirmed", reason: REASONS.confirmed });
  });

  it.each([
    ["accepted another offer and withdraw", "I have accepted another offer, please withdraw my application"],
    ["not interested", "Sorry, I'm not interested."],
    ["no longer interested", "I'm no longer interested."],
    ["took a different job", "I took a different job."],
    ["can't attend at all", "I can't attend at all."],
    ["cancel my application", "Please cancel my application."],
  ])("declines when the candidate says %s", (_label, words) => {
    expect(classifyTranscript(call(greeting, ["user", words]))).toEqual({ outcome: "declined", reason: REASONS.declined });
  });

  it.each([
    ["a different day", "Can we do a different day?"],
    ["reschedule", "I need to reschedule."],
    ["another time", "Is there another time?"],
    ["a conflict", "I've got a conflict."],
    ["not available then", "I'm not available then."],
  ])("is pending with a reschedule reason when the candidate asks for %s", (_label, words) => {
    const result = classifyTranscript(call(greeting, ["user", words]));
    expect(result).toEqual({ outcome: "pending", reason: REASONS.rescheduled });
    expect(result.reason).toMatch(/reschedule/i);
  });

  it.each([
    ["wrong number", "Sorry, wrong number."],
    ["wrong person, even while confirming", "You have the wrong person, but that works for me."],
    ["nobody by that name", "There's no one here by that name."],
    ["not the person (curly apostrophe)", "I’m not the person you want."],
  ])("is pending when someone else may have answered: %s", (_label, words) => {
    expect(classifyTranscript(call(greeting, ["user", words]))).toEqual({ outcome: "pending", reason: REASONS.wrongPerson });
  });

  it("abstains when the candidate says both 'that works for me' and 'not interested'", () => {
    const transcript = call(
      greeting,
      ["user", "Yes, that works for me."],
      ["assistant", "Great!"],
      ["user", "Actually, I'm not interested."],
    );
    expect(classifyTranscript(transcript)).toEqual({ outcome: "pending", reason: REASONS.unclear });
  });

  it("abstains when the candidate both asks for another day and confirms", () => {
    expect(
      classifyTranscript(call(greeting, ["user", "Can we do a different day?"], ["user", "Wednesday works for me."])),
    ).toEqual({
      outcome: "pending",
      reason: REASONS.unclear,
    });
  });

  it("reads user turns case-insensitively, with spaces before the colon and around the line", () => {
    expect(classifyTranscript("assistant: hi\n   USER :  THAT WORKS FOR ME  \n")).toMatchObject({ outcome: "confirmed" });
    expect(classifyTranscript("assistant: hi\r\nUser: I’ll be there\r\n")).toMatchObject({ outcome: "confirmed" });
  });

  it("needs whole words: 'rescheduling' or 'networks' do not count", () => {
    expect(classifyTranscript(call(greeting, ["user", "Is rescheduling possible? My networks are bad."]))).toEqual({
      outcome: "pending",
      reason: REASONS.unclear,
    });
  });

  it("does not take a refusal to come for a decline unless it is final", () => {
    expect(classifyTranscript(call(greeting, ["user", "I can't make it on Monday."])).reason).toBe(REASONS.hesitant);
    expect(classifyTranscript(call(greeting, ["user", "I can't make it anymore."])).outcome).toBe("declined");
  });

  it("does not read a negated 'that works for me' as a confirmation", () => {
    expect(classifyTranscript(call(greeting, ["user", "I don't think that works for me."])).reason).toBe(REASONS.hesitant);
    expect(classifyTranscript(call(greeting, ["user", "Monday doesn't work, but Wednesday works for me."])).outcome).toBe(
      "pending",
    );
  });
});
