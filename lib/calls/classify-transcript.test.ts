import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyWords } from "./classify-transcript";
import { readCandidateWords } from "./words/candidate-words";

const FIXTURES = path.resolve(import.meta.dirname, "../../tests/fixtures/bolna");
const sampleTranscript = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as { transcript: string }).transcript;

/** A transcript in Bolna's format: one `role: text` line per turn. */
type Turn = readonly [role: "assistant" | "user", text: string];
const call = (...turns: Turn[]) => turns.map(([role, text]) => `${role}: ${text}`).join("\n");
const greeting: Turn = ["assistant", "Hi, am I speaking with Priya? I'm calling to confirm your interview."];
const said = (...words: string[]) => call(greeting, ...words.map((text): Turn => ["user", text]));
const classify = (transcript: string | null) => classifyWords(readCandidateWords(transcript));

describe("classifyWords: what the candidate's words alone propose", () => {
  it("confirms sample 04, where the candidate says 'that works for me'", () => {
    expect(classify(sampleTranscript("04-call-disconnected"))).toEqual({
      outcome: "confirmed",
      reason: "Candidate confirmed (read from their words)",
    });
  });

  it("reads the candidate only: the agent saying confirm, another time and reschedule decides nothing", () => {
    const transcript = call(
      greeting,
      ["user", "Yes, this is Priya."],
      ["assistant", "Can you confirm the slot? If not, we can reschedule to another time or a different day. That works for me."],
      ["user", "Okay"],
      ["assistant", "Great, I confirm your interview. I'll be there to help. See you then!"],
    );
    expect(classify(transcript)).toEqual({ outcome: "pending", reason: "Unclear: call again" });
  });

  it("tells a missing transcript from one in which the candidate said nothing", () => {
    expect(classify(null).reason).toMatch(/neither an extraction nor a transcript/);
    expect(classify("")).toMatchObject({ outcome: "pending", reason: expect.stringMatching(/neither/) });
    expect(classify(call(greeting, ["assistant", "Hello? That works for me. I confirm."]))).toEqual({
      outcome: "pending",
      reason: "The candidate said nothing: call again",
    });
  });

  it.each([
    "Yes, that works for me.",
    "Friday? It works.",
    "Sure, I can make it.",
    "I will attend.",
    "I’ll be there.",
    "Great, see you then.",
    "Yes, I will definitely come, see you on Sunday.",
    "Yes I am available",
    "Haan ji, main aa jaunga, koi problem nahi.",
    "हाँ, मैं ज़रूर आऊँगा।",
    "Sari madam, naan kandippa varen.",
    "Sare andi, nenu vastanu.",
  ])("confirms: %s", (words) => {
    expect(classify(said(words)).outcome).toBe("confirmed");
  });

  it.each([
    "I have accepted another offer, please withdraw my application",
    "Sorry, I'm not interested.",
    "I'm no longer interested.",
    "I took a different job.",
    "I can't attend at all.",
    "Please cancel my application.",
    "Nahi, mujhe nahi aana. Dusri job mil gayi hai.",
    "नहीं, मुझे अब यह नौकरी नहीं चाहिए।",
    "Enakku interest illa.",
    "Naaku interest ledu, nenu raanu.",
  ])("declines: %s", (words) => {
    expect(classify(said(words)).outcome).toBe("declined");
  });

  it.each([
    "Can we do a different day?",
    "I need to reschedule.",
    "Is rescheduling possible?",
    "Is there another time?",
    "Monday ko nahi ho payega, koi aur din ho sakta hai?",
    "Monday mudiyadhu, vera naal irukka?",
  ])("proposes a reschedule without a time when they ask for another: %s", (words) => {
    expect(classify(said(words))).toEqual({
      outcome: "rescheduled",
      reason: "Asked for another time (read from their words); no new time was captured",
    });
  });

  it("asked for another day, then took one: still a reschedule", () => {
    expect(classify(said("Can we do a different day?", "Wednesday works for me.")).outcome).toBe("rescheduled");
  });

  it("the last word wins when they change their mind", () => {
    expect(classify(said("Yes, that works for me.", "Actually, I'm not interested.")).outcome).toBe("declined");
    expect(classify(said("I'm not interested.", "Oh, this is Dharwin? Then yes, I will come.")).outcome).toBe("confirmed");
  });

  it.each([
    ["a time that does not suit them", "I can't make it on Monday.", /does not suit them/],
    ["a hedge", "I don't think that works for me, I'm not sure.", /has not decided/],
    ["a call back", "I'm driving, call me later.", /called back/],
  ])("proposes to call again for %s", (_label, words, reason) => {
    expect(classify(said(words))).toMatchObject({ outcome: "pending", reason: expect.stringMatching(reason) });
  });

  it("does not read a negated phrase: 'no need to reschedule', 'I don't want to cancel'", () => {
    expect(classify(said("No need to reschedule, the time works for me.")).outcome).toBe("confirmed");
    expect(classify(said("No no, I don't want to cancel. I'll come.")).outcome).toBe("confirmed");
    expect(classify(said("Main nahi aaunga.")).outcome).toBe("declined");
  });

  it("reads user turns case-insensitively, with spaces before the colon and around the line", () => {
    expect(classify("assistant: hi\n   USER :  THAT WORKS FOR ME  \n").outcome).toBe("confirmed");
    expect(classify("assistant: hi\r\nUser: I’ll be there\r\n").outcome).toBe("confirmed");
  });
});

describe("readCandidateWords", () => {
  it("hears someone else, a wrong number and a machine, quoting the turn", () => {
    const relative = readCandidateWords(said("Hello?", "He is not at home right now.", "I'll tell him."));
    expect(relative.heard.someoneElse).toBe("He is not at home right now.");
    expect(readCandidateWords(said("Sorry, wrong number.")).heard.wrongNumber).toBe("Sorry, wrong number.");
    expect(readCandidateWords(said("मैं उसकी माँ बोल रही हूँ।")).heard.someoneElse).toBeDefined();
    expect(readCandidateWords(said("Avan veetla illa.")).heard.someoneElse).toBeDefined();
  });

  it("a machine alone on the line, or only noise beside it; a candidate who mentions voicemail is a person", () => {
    expect(readCandidateWords(said("Please leave a message after the tone.", "Beep.")).machineOnly).toBe(true);
    expect(readCandidateWords(said("For English, press 1.")).machineOnly).toBe(true);
    expect(readCandidateWords(said("Please leave a message after the tone.", "Hello, sorry, I'm here!")).machineOnly).toBe(false);
    expect(readCandidateWords(said("Sorry, I saw your voicemail. Yes, I'll be there.")).heard.machine).toBeUndefined();
  });

  it("keeps the work bounded whatever the transcript", () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `user: ${"that works ".repeat(i % 3 === 0 ? 500 : 1)}`).join("\n");
    const words = readCandidateWords(huge);
    expect(words.turns.join("").length).toBeLessThanOrEqual(6000);
    expect(words.turns.length).toBeLessThanOrEqual(200);
    expect(words.leaning).toBe("coming");
  });
});
