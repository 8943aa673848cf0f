import { describe, expect, it } from "vitest";
import { ANY_TIME, formatWithOffset, parseDays, parseHours } from "@/lib/time/calling-hours";
import { reconfirmationDueAt } from "./reconfirmation-time";

const NINE_TO_EIGHT = { ...parseHours("09:00-20:00")!, days: parseDays("Mon-Sat")! };

describe("reconfirmationDueAt", () => {
  it("is N hours before the interview when that is inside the calling hours", () => {
    const interview = new Date("2027-03-04T11:00:00+05:30");
    expect(formatWithOffset(reconfirmationDueAt(interview, 24, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-03T11:00:00+05:30",
    );
    expect(reconfirmationDueAt(interview, 24, "Asia/Kolkata", ANY_TIME)).toEqual(new Date("2027-03-03T05:30:00Z"));
  });

  it("moves earlier, never later, when that moment is outside them: Monday 09:00 is reminded on Saturday evening", () => {
    const monday = new Date("2027-03-08T09:00:00+05:30");
    expect(formatWithOffset(reconfirmationDueAt(monday, 24, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-06T19:50:00+05:30",
    );
  });

  it("judges the hours in the candidate's zone", () => {
    // 24 hours before 2027-03-04 14:00 UTC is 09:00 in New York, 19:30 in Kolkata: both allowed.
    const interview = new Date("2027-03-04T14:00:00Z");
    expect(formatWithOffset(reconfirmationDueAt(interview, 24, "America/New_York", NINE_TO_EIGHT), "America/New_York")).toBe(
      "2027-03-03T09:00:00-05:00",
    );
    // 30 hours before is 03:00 in New York (moved to 19:50 the evening before) and 13:30 in Kolkata (kept).
    expect(formatWithOffset(reconfirmationDueAt(interview, 30, "America/New_York", NINE_TO_EIGHT), "America/New_York")).toBe(
      "2027-03-02T19:50:00-05:00",
    );
    expect(formatWithOffset(reconfirmationDueAt(interview, 30, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-03T13:30:00+05:30",
    );
  });
});
