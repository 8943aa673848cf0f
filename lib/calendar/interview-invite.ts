import { createEvent } from "ics";
import type { Candidate } from "@/db/schema";
import { formatInstant } from "@/lib/time/format";

type InviteMethod = "REQUEST" | "CANCEL";

export type InviteInput = {
  candidate: Pick<Candidate, "id" | "name" | "email" | "position" | "interviewAt" | "status" | "inviteSequence">;
  /** The candidate's time zone: the description says the time in it (the file's times are UTC). */
  zone: string;
  durationMinutes: number;
  /** APP_URL: its host names the invite's UID; without one, "callboard". */
  appUrl: string | undefined;
  /** The organizer's address (MAIL_FROM's). */
  organizerEmail: string;
};

export type Invite = { method: InviteMethod; ics: string; uid: string };

/** One UID per candidate's interview, kept across reschedules so calendars update the event instead of adding one. */
export function inviteUid(candidateId: number, appUrl: string | undefined): string {
  const host = appUrl ? new URL(appUrl).hostname : "callboard";
  return `candidate-${candidateId}@${host}`;
}

/**
 * The candidate's interview as an iCalendar invite (RFC 5545, iTIP method REQUEST; CANCEL once they declined),
 * built with the `ics` package. SEQUENCE is the candidate's invite_sequence, which a database trigger raises on
 * every move, cancellation and restoration of the interview, so a calendar applies the newest version.
 */
export function interviewInvite(input: InviteInput): Invite {
  const { candidate, zone } = input;
  const method: InviteMethod = candidate.status === "declined" ? "CANCEL" : "REQUEST";
  const uid = inviteUid(candidate.id, input.appUrl);
  const position = candidate.position ?? "the open position";
  const when = `${formatInstant(candidate.interviewAt, zone)} (${zone})`;
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
      method === "CANCEL"
        ? `The interview for ${position} on ${when} is cancelled.`
        : `Your interview for ${position} on ${when}.`,
    status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: "Callboard", email: input.organizerEmail },
    attendees: candidate.email ? [{ name: candidate.name, email: candidate.email, rsvp: false, role: "REQ-PARTICIPANT" }] : [],
  });
  if (result.error || !result.value) throw result.error ?? new Error("the invite could not be built");
  return { method, ics: result.value, uid };
}
