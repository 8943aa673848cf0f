import { describe, expect, it } from "vitest";
import { parseIcs } from "@/tests/support/ics";
import { interviewInvite, inviteUid, type InviteInput } from "./interview-invite";

const CANDIDATE: InviteInput["candidate"] = {
  id: 42,
  name: "Asha Verma",
  email: "asha@example.com",
  position: "Software Engineer; Platform, Payments",
  interviewAt: new Date("2027-03-04T05:30:00Z"),
  status: "confirmed",
  inviteSequence: 0,
};

const invite = (overrides: Partial<InviteInput["candidate"]> = {}, appUrl?: string) =>
  interviewInvite({
    candidate: { ...CANDIDATE, ...overrides },
    zone: "Asia/Kolkata",
    durationMinutes: 45,
    appUrl,
    organizerEmail: "callboard@example.com",
  });

describe("interviewInvite", () => {
  it("is an RFC 5545 REQUEST with a stable UID, UTC times, the duration and the candidate's local time", () => {
    const ics = parseIcs(invite().ics);
    expect(ics.all("BEGIN")).toEqual(["VCALENDAR", "VEVENT"]);
    expect(ics.get("VERSION")).toBe("2.0");
    expect(ics.get("METHOD")).toBe("REQUEST");
    expect(ics.get("UID")).toBe("candidate-42@callboard");
    expect(ics.get("SEQUENCE")).toBe("0");
    expect(ics.get("DTSTART")).toBe("20270304T053000Z");
    expect(ics.get("DURATION")).toBe("PT45M");
    expect(ics.get("STATUS")).toBe("CONFIRMED");
    expect(ics.get("SUMMARY")).toBe("Interview: Software Engineer\\; Platform\\, Payments");
    expect(ics.get("DESCRIPTION")).toContain("Thu 4 Mar 2027\\, 11:00 IST (Asia/Kolkata)");
    expect(ics.lines.find((line) => line.name === "ORGANIZER")?.value).toMatch(/callboard@example\.com$/i);
    expect(ics.lines.find((line) => line.name === "ATTENDEE")?.value).toBe("mailto:asha@example.com");
  });

  it("keeps the UID when the interview moves, and carries the candidate's sequence", () => {
    const moved = parseIcs(invite({ interviewAt: new Date("2027-03-05T09:00:00Z"), inviteSequence: 3 }).ics);
    expect(moved.get("UID")).toBe("candidate-42@callboard");
    expect(moved.get("SEQUENCE")).toBe("3");
    expect(moved.get("DTSTART")).toBe("20270305T090000Z");
  });

  it("cancels the event once the candidate declined", () => {
    const cancelled = invite({ status: "declined", inviteSequence: 1 });
    expect(cancelled.method).toBe("CANCEL");
    const ics = parseIcs(cancelled.ics);
    expect(ics.get("METHOD")).toBe("CANCEL");
    expect(ics.get("STATUS")).toBe("CANCELLED");
    expect(ics.get("SEQUENCE")).toBe("1");
    expect(ics.get("UID")).toBe("candidate-42@callboard");
  });

  it("names the UID after APP_URL's host", () => {
    expect(inviteUid(7, "https://callboard.example.com/base")).toBe("candidate-7@callboard.example.com");
    expect(parseIcs(invite({}, "https://hire.example.org").ics).get("UID")).toBe("candidate-42@hire.example.org");
  });
});
