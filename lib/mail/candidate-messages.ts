import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { interviewInvite } from "@/lib/calendar/interview-invite";
import { inviteSettings } from "@/lib/calendar/invite-settings";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { MessageKind, NewMessage } from "./outbox";

type Recipient = Pick<
  Candidate,
  | "id"
  | "name"
  | "email"
  | "phone"
  | "timeZone"
  | "position"
  | "interviewAt"
  | "status"
  | "inviteSequence"
  | "requestedInterviewAt"
>;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * The invite for a message, or null when the `ics` package refuses the data (an address it does not accept): the
 * message then goes without it. Messages are written inside other transactions (a webhook's), which must not fail.
 */
function inviteOrNull(db: Pick<Db, "select">, candidate: Recipient, zone: string) {
  try {
    return interviewInvite({ candidate, zone, ...inviteSettings(db) });
  } catch (error) {
    logError(`the calendar invite for candidate ${candidate.id} could not be built`, error);
    return null;
  }
}

function opening(kind: MessageKind, when: string, position: string): [string, string] {
  switch (kind) {
    case "self_service_link":
      return [`Your interview: confirm or choose another time`, `your interview for ${position} is on ${when}.`];
    case "confirmed":
      return [`Your interview is confirmed: ${when}`, `your interview for ${position} is confirmed for ${when}.`];
    case "rescheduled":
      return [`Your interview has moved: ${when}`, `your interview for ${position} is now on ${when}.`];
    case "declined":
      return [`Your interview is cancelled`, `as you told us, the interview for ${position} on ${when} is cancelled.`];
  }
}

/**
 * A message to the candidate about their interview, with the calendar invite (REQUEST, or CANCEL after a decline),
 * every time written in the candidate's zone; null when they have no e-mail address.
 */
export function candidateMessage(
  db: Pick<Db, "select">,
  candidate: Recipient,
  kind: MessageKind,
  link?: { url: string; expiresAt: Date },
): NewMessage | null {
  if (!candidate.email) return null;
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const invite = inviteOrNull(db, candidate, zone);
  const when = `${formatInstant(candidate.interviewAt, zone)} (${zone})`;
  const position = candidate.position ?? "the open position";
  const [subject, line] = opening(kind, when, position);
  const body = [
    `Hello ${firstName(candidate.name)},`,
    "",
    `${line.charAt(0).toUpperCase()}${line.slice(1)}`,
    ...(link
      ? [
          "",
          "Confirm it, or pick another time, here:",
          link.url,
          `(This link works until ${formatInstant(link.expiresAt, zone)}.)`,
        ]
      : []),
    ...(invite
      ? [
          "",
          invite.method === "CANCEL"
            ? "The attached file removes it from your calendar."
            : "The attached invite adds it to your calendar.",
        ]
      : []),
  ].join("\n");
  return {
    candidateId: candidate.id,
    kind,
    to: candidate.email,
    subject,
    body,
    ics: invite?.ics ?? null,
    icsMethod: invite?.method ?? null,
  };
}
