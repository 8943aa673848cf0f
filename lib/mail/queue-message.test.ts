import { describe, expect, it } from "vitest";
import { messageKindFor } from "./queue-message";

const MONDAY = new Date("2027-03-01T10:00:00Z");
const TUESDAY = new Date("2027-03-02T10:00:00Z");

describe("messageKindFor", () => {
  it.each([
    ["calling", MONDAY, "confirmed", MONDAY, "confirmed"],
    ["calling", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["confirmed", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["rescheduled", MONDAY, "rescheduled", TUESDAY, "rescheduled"],
    ["calling", MONDAY, "declined", MONDAY, "declined"],
    ["confirmed", MONDAY, "declined", MONDAY, "declined"],
  ] as const)("%s at %s → %s at %s sends %s", (from, fromAt, to, toAt, kind) => {
    expect(messageKindFor({ status: from, interviewAt: fromAt }, { status: to, interviewAt: toAt })).toBe(kind);
  });

  it.each([
    ["pending", "calling"],
    ["calling", "no_answer"],
    ["confirmed", "confirmed"],
    ["declined", "declined"],
    ["rescheduled", "rescheduled"],
    ["confirmed", "pending"],
    // Asked for a slot that was full: the interview did not move, a recruiter resolves it.
    ["calling", "rescheduled"],
  ] as const)("%s → %s at the same time sends nothing", (from, to) => {
    expect(messageKindFor({ status: from, interviewAt: MONDAY }, { status: to, interviewAt: MONDAY })).toBeNull();
  });
});
