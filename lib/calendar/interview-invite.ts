import { createEvent } from "ics";
import type { Candidate } from "@/db/schema";
import { formatInstant } from "@/lib/time/format";
import { paramText } from "./ical-param";

/**
 * REQUEST/CANCEL: the invite e-mailed to the candidate, or downloaded by a recruiter, with the candidate as its
 * attendee. PUBLISH: the file behind a self-service link (token-only), which names the interview and no person.
 */
type InviteMethod = "REQUEST" | "CANCEL" | "PUBLISH";
export type InviteAudience = "attendee" | "public";
type InviteStatus = "TENTATIVE" | "CONFIRMED" | "CANCELLED";

export type InviteInput = {
  candidate: Pick<
    Candidate,
    "id" | "name" | "email" | "position" | "interviewAt" | "status" | "inviteSequence" | "requestedInterviewAt"
  >;
  /** The candidate's time zone: the description says the time in it (the file's times are UTC). */
  zone: string;
  durationMinutes: number;
  /** APP_URL: its host names the invite's UID; without one, "callboard". */
  appUrl: string | undefined;
  /** The organizer's address (MAIL_FROM's). */
  organizerEmail: string;
  /** This installation's random namespace (lib/calendar/invite-settings.ts), part of every UID. */
  uidNamespace: string;
  /** Who receives it; a public file carries no attendee (default "attendee"). */
  audience?: InviteAudience;
};

export type Invite = { method: InviteMethod; status: InviteStatus; ics: string; uid: string };

/**
 * One UID per candidate's interview, kept across reschedules so calendars update the event instead of adding one;
 * the installation's namespace keeps it unique beyond this database (candidate ids start at 1 everywhere).
 */
export function inviteUid(candidateId: number, uidNamespace: string, appUrl: string | undefined): string {
  const host = appUrl ? new URL(appUrl).hostname : "callboard";
  return `candidate-${candidateId}-${uidNamespace}@${host}`;
}

/**
 * CONFIRMED once the candidate agreed to this time (confirmed, or moved to the slot they chose); CANCELLED after a
 * decline; TENTATIVE until then (RFC 5545 §3.8.1.11), so a calendar does not show an unanswered time as settled.
 */
function inviteStatus(candidate: Pick<Candidate, "status" | "requestedInterviewAt">): InviteStatus {
  if (candidate.status === "declined") return "CANCELLED";
  if (candidate.status === "confirmed") return "CONFIRMED";
  if (candidate.status === "rescheduled" && candidate.requestedInterviewAt === null) return "CONFIRMED";
  return "TENTATIVE";
}

/**
 * The candidate's interview as an iCalendar file (RFC 5545; iTIP REQUEST, CANCEL once they declined, PUBLISH for
 * the public copy), built with the `ics` package. SEQUENCE is the candidate's invite_sequence, which the write that
 * moves, cancels or restores the interview raises (lib/candidates/save-candidate.ts), so a calendar applies the newest.
 */
export function interviewInvite(input: InviteInput): Invite {
  const { candidate, zone } = input;
  const audience = input.audience ?? "attendee";
  const status = inviteStatus(candidate);
  const method: InviteMethod = audience === "public" ? "PUBLISH" : status === "CANCELLED" ? "CANCEL" : "REQUEST";
  const uid = inviteUid(candidate.id, input.uidNamespace, input.appUrl);
  const position = candidate.position ?? "the open position";
  const when = `${formatInstant(candidate.interviewAt, zone)} (${zone})`;
  const attendees =
    audience === "attendee" && candidate.email
      ? [{ name: paramText(candidate.name), email: candidate.email, rsvp: false, role: "REQ-PARTICIPANT" as const }]
      : [];
  const result = createEvent({
    productId: "callboard/interview-invite",
    method,
    uid,
    sequence: candidate.inviteSequence,
    start: candidate.interviewAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: input.durationMinutes },
    title: `Interview: ${position}`,
    description:
      status === "CANCELLED"
        ? `The interview for ${position} on ${when} is cancelled.`
        : status === "TENTATIVE"
          ? `Your interview for ${position} on ${when}, to be confirmed.`
          : `Your interview for ${position} on ${when}.`,
    status,
    organizer: { name: "Callboard", email: input.organizerEmail },
    attendees,
  });
  if (result.error || !result.value) throw result.error ?? new Error("the invite could not be built");
  return { method, status, ics: result.value, uid };
}
