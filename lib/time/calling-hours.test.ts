import { describe, expect, it } from "vitest";
import {
  ANY_TIME,
  describeHours,
  formatWithOffset,
  isWithinCallingHours,
  latestCallingTimeBefore,
  nextCallingTime,
  parseDays,
  parseHours,
  scheduleFor,
  type CallingHours,
} from "./calling-hours";

const hours = (text: string, days = "Mon-Sat"): CallingHours => ({ ...parseHours(text)!, days: parseDays(days)! });
const NINE_TO_EIGHT = hours("09:00-20:00");
const at = (iso: string) => new Date(iso);

describe("parsing CALLING_HOURS and CALLING_DAYS", () => {
  it("reads hours as minutes after midnight, 24:00 included, and refuses the rest", () => {
    expect(parseHours("09:00-20:00")).toEqual({ startMinute: 540, endMinute: 1200 });
    expect(parseHours("0:00-24:00")).toEqual({ startMinute: 0, endMinute: 1440 });
    for (const bad of ["20:00-09:00", "09:00-09:00", "9-20", "09:00", "09:60-10:00", "24:30-25:00", "a-b", "09:00-10:00-11:00"]) {
      expect(parseHours(bad), bad).toBeNull();
    }
  });

  it("reads days as ranges and lists, wrapping over the weekend, and refuses unknown names", () => {
    expect([...parseDays("Mon-Sat")!].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...parseDays("Mon-Fri,Sun")!].sort()).toEqual([1, 2, 3, 4, 5, 7]);
    expect([...parseDays("Sat-Mon")!].sort()).toEqual([1, 6, 7]);
    expect([...parseDays("tuesday,THU")!].sort()).toEqual([2, 4]);
    for (const bad of ["", "Mon-", "Funday", "Mo", "Mon-Fri-Sat"]) expect(parseDays(bad), bad).toBeNull();
  });

  it("describes hours for messages", () => {
    expect(describeHours(NINE_TO_EIGHT)).toBe("09:00–20:00, Mon Tue Wed Thu Fri Sat");
    expect(describeHours(ANY_TIME)).toBe("00:00–24:00, every day");
  });
});

describe("calling hours in the candidate's zone", () => {
  it("judges the same instant by each candidate's own clock", () => {
    // 2027-03-03 (Wednesday) 04:00 UTC: 09:30 in Kolkata, 23:00 the evening before in New York.
    const instant = at("2027-03-03T04:00:00Z");
    expect(isWithinCallingHours(instant, "Asia/Kolkata", NINE_TO_EIGHT)).toBe(true);
    expect(isWithinCallingHours(instant, "America/New_York", NINE_TO_EIGHT)).toBe(false);
    expect(scheduleFor(instant, "Asia/Kolkata", NINE_TO_EIGHT)).toBeNull();
    expect(formatWithOffset(scheduleFor(instant, "America/New_York", NINE_TO_EIGHT)!, "America/New_York")).toBe(
      "2027-03-03T09:00:00-05:00",
    );
  });

  it("moves a call asked for at 19:58 +05:30 to 09:00 the next day: two minutes ahead is already 20:00", () => {
    const now = at("2027-03-03T19:58:00+05:30");
    expect(isWithinCallingHours(now, "Asia/Kolkata", NINE_TO_EIGHT)).toBe(true);
    const next = nextCallingTime(new Date(now.getTime() + 2 * 60_000), "Asia/Kolkata", NINE_TO_EIGHT);
    expect(formatWithOffset(next, "Asia/Kolkata")).toBe("2027-03-04T09:00:00+05:30");
  });

  it("skips the days that are not allowed: Saturday night goes to Monday morning", () => {
    const saturdayNight = at("2027-03-06T21:00:00+05:30");
    expect(formatWithOffset(scheduleFor(saturdayNight, "Asia/Kolkata", NINE_TO_EIGHT)!, "Asia/Kolkata")).toBe(
      "2027-03-08T09:00:00+05:30",
    );
  });

  it("crosses a daylight-saving change: the offset of the day the call rings, 09:00 local either way", () => {
    // New York springs forward on Sunday 14 March 2027; Saturday 21:00 EST waits for Monday 09:00 EDT.
    const saturday = at("2027-03-13T21:00:00-05:00");
    const monday = scheduleFor(saturday, "America/New_York", NINE_TO_EIGHT)!;
    expect(formatWithOffset(monday, "America/New_York")).toBe("2027-03-15T09:00:00-04:00");
    expect(monday.toISOString()).toBe("2027-03-15T13:00:00.000Z");
    // …and falls back on 7 November: Saturday night EDT, Monday morning EST.
    expect(
      formatWithOffset(scheduleFor(at("2027-11-06T22:00:00-04:00"), "America/New_York", NINE_TO_EIGHT)!, "America/New_York"),
    ).toBe("2027-11-08T09:00:00-05:00");
  });

  it("keeps a window that opens in a daylight-saving gap at the first real minute", () => {
    // 02:00–03:00 does not exist on 14 March 2027 in New York: 02:30 becomes 03:30, the first real minute after.
    const early = hours("02:30-04:00", "Sun");
    const next = nextCallingTime(at("2027-03-14T01:00:00-05:00"), "America/New_York", early);
    expect(formatWithOffset(next, "America/New_York")).toBe("2027-03-14T03:30:00-04:00");
  });

  it("asks at least two minutes ahead and rounds up to Bolna's 10-minute grid, also for a :45 offset", () => {
    const justBefore = at("2027-03-03T08:59:00+05:30");
    expect(formatWithOffset(scheduleFor(justBefore, "Asia/Kolkata", NINE_TO_EIGHT)!, "Asia/Kolkata")).toBe(
      "2027-03-03T09:10:00+05:30",
    );
    // Kathmandu is +05:45: 09:00 local is 03:15 UTC, not on the grid, so the call rings at 09:05 local.
    const kathmandu = scheduleFor(at("2027-03-03T06:00:00+05:45"), "Asia/Kathmandu", NINE_TO_EIGHT)!;
    expect(formatWithOffset(kathmandu, "Asia/Kathmandu")).toBe("2027-03-03T09:05:00+05:45");
    expect(kathmandu.getTime() % 600_000).toBe(0);
  });

  it("finds the latest allowed time before an instant, across a night and a Sunday", () => {
    const sunday = at("2027-03-07T10:00:00+05:30");
    expect(formatWithOffset(latestCallingTimeBefore(sunday, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-06T19:50:00+05:30",
    );
    const morning = at("2027-03-03T07:00:00+05:30");
    expect(formatWithOffset(latestCallingTimeBefore(morning, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-02T19:50:00+05:30",
    );
    const inside = at("2027-03-03T11:07:00+05:30");
    expect(formatWithOffset(latestCallingTimeBefore(inside, "Asia/Kolkata", NINE_TO_EIGHT), "Asia/Kolkata")).toBe(
      "2027-03-03T11:00:00+05:30",
    );
  });

  it("writes scheduled_at with a numeric offset, never Z", () => {
    expect(formatWithOffset(at("2027-03-03T09:00:00Z"), "UTC")).toBe("2027-03-03T09:00:00+00:00");
    expect(formatWithOffset(at("2027-03-03T09:00:00Z"), "Asia/Kolkata")).toBe("2027-03-03T14:30:00+05:30");
  });

  it("never schedules when every time is allowed", () => {
    expect(scheduleFor(at("2027-03-07T03:00:00Z"), "Asia/Kolkata", ANY_TIME)).toBeNull();
  });
});
