import { describe, expect, it } from "vitest";
import { transcriptTurns } from "./transcript-turns";

describe("transcriptTurns", () => {
  it("reads one turn per line and tells the agent from the candidate", () => {
    expect(transcriptTurns("assistant: Hello, this is Ava.\nuser: Yes, this is Asha.\n")).toEqual([
      { speaker: "agent", text: "Hello, this is Ava." },
      { speaker: "candidate", text: "Yes, this is Asha." },
    ]);
  });

  it("keeps a colon inside the text and ignores blank lines", () => {
    expect(transcriptTurns("user: Option two: Friday\n\n  \nassistant:Done")).toEqual([
      { speaker: "candidate", text: "Option two: Friday" },
      { speaker: "agent", text: "Done" },
    ]);
  });

  it("joins a line without a speaker to the turn before it", () => {
    expect(transcriptTurns("assistant: First line\nsecond line")).toEqual([
      { speaker: "agent", text: "First line\nsecond line" },
    ]);
  });

  it("keeps leading text without a speaker as an unknown turn", () => {
    expect(transcriptTurns("[call connected]\nuser: Hi")).toEqual([
      { speaker: "unknown", text: "[call connected]" },
      { speaker: "candidate", text: "Hi" },
    ]);
  });

  it("returns nothing for a missing transcript", () => {
    expect(transcriptTurns(null)).toEqual([]);
    expect(transcriptTurns("")).toEqual([]);
  });
});
