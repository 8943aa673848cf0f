import { describe, expect, it } from "vitest";
import { parseIcs } from "@/tests/support/ics";
import { interviewInvite, inviteUid, type InviteInput } from "./interview-invite";
import { inviteFileName } from "./invite-response";

const CANDIDATE: InviteInput["candidate"] = {
  id: 42,
  name: "Asha Verma",
  email: "asha@example.com",
  position: "Software Engineer; Platform, Payments",
  interviewAt: new Date("2027-03-04T05:30:00Z"),
  status: "confirmed",
  inviteSequence: 0,
  requestedInterviewAt: null,
};
const NAMESPACE = "0123456789abcdef";

const invite = (overrides: Partial<InviteInput["candidate"]> = {}, extra: Partial<InviteInput> = {}) =>
  interviewInvite({
    candidate: { ...CANDIDATE, ...overrides },
    zone: "Asia/Kolkata",
    durationMinutes: 45,
    appUrl: undefined,
    organizerEmail: "callboard@example.com",
    uidNamespace: NAMESPACE,
    ...extra,
  });

describe("interviewInvite", () => {
  it("is an RFC 5545 REQUEST with a stable UID, UTC times, the duration and the candidate's local time", () => {
    const ics = parseIcs(invite().ics);
    expect(ics.all("BEGIN")).toEqual(["VCALENDAR", "VEVENT"]);
    expect(ics.get("VERSION")).toBe("2.0");
    expect(ics.get("METHOD")).toBe("REQUEST");
    expect(ics.get("UID")).toBe(`candidate-42-${NAMESPACE}@callboard`);
    expect(ics.get("SEQUENCE")).toBe("0");
    expect(ics.get("DTSTART")).toBe("20270304T053000Z");
    expect(ics.get("DURATION")).toBe("PT45M");
    expect(ics.get("STATUS")).toBe("CONFIRMED");
    expect(ics.get("SUMMARY")).toBe("Interview: Software Engineer\\; Platform\\, Payments");
    expect(ics.get("DESCRIPTION")).toContain("Thu 4 Mar 2027\\, 11:00 IST (Asia/Kolkata)");
    expect(ics.lines.find((line) => line.name === "ORGANIZER")?.value).toMatch(/callboard@example\.com$/i);
    expect(ics.lines.find((line) => line.name === "ATTENDEE")?.value).toBe("mailto:asha@example.com");
  });

  it("is TENTATIVE until the candidate agreed to the time, CONFIRMED after, CANCELLED once they declined", () => {
    const status = (overrides: Partial<InviteInput["candidate"]>) => parseIcs(invite(overrides).ics).get("STATUS");
    expect(status({ status: "pending" })).toBe("TENTATIVE");
    expect(status({ status: "calling" })).toBe("TENTATIVE");
    expect(status({ status: "no_answer" })).toBe("TENTATIVE");
    // Asked for a time that could not be booked: a recruiter still has to settle it.
    expect(status({ status: "rescheduled", requestedInterviewAt: new Date("2027-03-05T05:30:00Z") })).toBe("TENTATIVE");
    expect(status({ status: "rescheduled" })).toBe("CONFIRMED");
    expect(status({ status: "confirmed" })).toBe("CONFIRMED");
    expect(status({ status: "declined" })).toBe("CANCELLED");
  });

  it("keeps the UID when the interview moves, and carries the candidate's sequence", () => {
    const moved = parseIcs(invite({ interviewAt: new Date("2027-03-05T09:00:00Z"), inviteSequence: 3 }).ics);
    expect(moved.get("UID")).toBe(`candidate-42-${NAMESPACE}@callboard`);
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
  });

  it("names the UID after APP_URL's host and the installation's namespace", () => {
    expect(inviteUid(7, NAMESPACE, "https://callboard.example.com/base")).toBe(`candidate-7-${NAMESPACE}@callboard.example.com`);
    expect(inviteUid(7, "fedcba9876543210", undefined)).not.toBe(inviteUid(7, NAMESPACE, undefined));
    expect(parseIcs(invite({}, { appUrl: "https://hire.example.org" }).ics).get("UID")).toBe(
      `candidate-42-${NAMESPACE}@hire.example.org`,
    );
  });

  it("keeps a name inside its CN parameter, whatever it contains", () => {
    const ics = parseIcs(invite({ name: 'Eve " ;ROLE=CHAIR:mailto:boss@example.com\r\nX-EVIL:1 ^' }).ics);
    const attendee = ics.lines.find((line) => line.name === "ATTENDEE")!;
    expect(attendee.params).toEqual({
      RSVP: "FALSE",
      ROLE: "REQ-PARTICIPANT",
      CN: "Eve ^' ;ROLE=CHAIR:mailto:boss@example.com^nX-EVIL:1 ^^",
    });
    expect(attendee.value).toBe("mailto:asha@example.com");
    expect(ics.lines.map((line) => line.name)).not.toContain("X-EVIL");
  });

  it("publishes a public copy without the person: no attendee, no name, no e-mail", () => {
    const published = invite({}, { audience: "public" });
    expect(published.method).toBe("PUBLISH");
    expect(published.ics).not.toMatch(/asha|verma/i);
    const ics = parseIcs(published.ics);
    expect(ics.get("METHOD")).toBe("PUBLISH");
    expect(ics.all("ATTENDEE")).toEqual([]);
    expect(ics.get("STATUS")).toBe("CONFIRMED");
    expect(ics.get("SUMMARY")).toContain("Software Engineer");
  });
});

describe("inviteFileName", () => {
  it("names the candidate and the interview's date in their zone, in safe characters", () => {
    const at = new Date("2027-03-04T20:30:00Z");
    expect(inviteFileName({ name: "Asha Verma", interviewAt: at }, "Asia/Kolkata", "attendee")).toBe(
      "interview-asha-verma-2027-03-05.ics",
    );
    expect(inviteFileName({ name: "Jürgen Müller-Lüdenscheidt", interviewAt: at }, "UTC", "attendee")).toBe(
      "interview-jurgen-muller-ludenscheidt-2027-03-04.ics",
    );
    expect(inviteFileName({ name: '../"a";\r\nb', interviewAt: at }, "UTC", "attendee")).toBe("interview-a-b-2027-03-04.ics");
    expect(inviteFileName({ name: "अनन्या", interviewAt: at }, "UTC", "attendee")).toBe("interview-candidate-2027-03-04.ics");
    expect(inviteFileName({ name: "Asha Verma", interviewAt: at }, "UTC", "public")).toBe("interview-asha-2027-03-04.ics");
  });
});
