import type { Candidate, OutboxMessage } from "@/db/schema";
import { interviewInvite } from "@/lib/calendar/interview-invite";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { bareAddress } from "./mail-address";
import type { MessageKind } from "./outbox";

export type Recipient = Pick<Candidate, "id" | "name" | "email" | "phone" | "timeZone" | "position" | "status">;
type Intent = Pick<OutboxMessage, "id" | "kind" | "interviewAt" | "inviteSequence" | "linkUrl" | "linkExpiresAt" | "createdAt">;

export type RenderedMessage = {
  toAddress: string;
  subject: string;
  body: string;
  ics: string | null;
  icsMethod: string | null;
  messageId: string;
};

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** The invite for a message, or null when the `ics` package refuses the data: the message then goes without it. */
function inviteOrNull(candidate: Parameters<typeof interviewInvite>[0]["candidate"], zone: string) {
  const config = env();
  try {
    return interviewInvite({
      candidate,
      zone,
      durationMinutes: config.INTERVIEW_DURATION_MINUTES,
      appUrl: config.APP_URL,
      organizerEmail: bareAddress(config.MAIL_FROM),
    });
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

/** One Message-ID per outbox row (its id and creation time, at MAIL_FROM's domain), the same on every attempt. */
export function outboxMessageId(intent: Pick<OutboxMessage, "id" | "createdAt">): string {
  const domain = bareAddress(env().MAIL_FROM).split("@")[1] || "callboard.invalid";
  return `<outbox-${intent.id}.${intent.createdAt.getTime()}@${domain}>`;
}

/**
 * The message an outbox intent stands for, to the candidate as they are now (name, address, zone), about the
 * interview and invite version the intent recorded: the calendar invite is a REQUEST, or a CANCEL after a decline,
 * and every time is written in the candidate's zone. Null when the candidate has no e-mail address.
 */
export function renderMessage(candidate: Recipient, intent: Intent): RenderedMessage | null {
  if (!candidate.email || !intent.interviewAt) return null;
  const kind = intent.kind as MessageKind;
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const cancelled = kind === "declined" || (kind === "self_service_link" && candidate.status === "declined");
  const invite = inviteOrNull(
    {
      ...candidate,
      interviewAt: intent.interviewAt,
      inviteSequence: intent.inviteSequence ?? 0,
      status: cancelled ? "declined" : "confirmed",
    },
    zone,
  );
  const when = `${formatInstant(intent.interviewAt, zone)} (${zone})`;
  const position = candidate.position ?? "the open position";
  const [subject, line] = opening(kind, when, position);
  const body = [
    `Hello ${firstName(candidate.name)},`,
    "",
    `${line.charAt(0).toUpperCase()}${line.slice(1)}`,
    ...(intent.linkUrl
      ? [
          "",
          "Confirm it, or pick another time, here:",
          intent.linkUrl,
          ...(intent.linkExpiresAt ? [`(This link works until ${formatInstant(intent.linkExpiresAt, zone)}.)`] : []),
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
    toAddress: candidate.email,
    subject,
    body,
    ics: invite?.ics ?? null,
    icsMethod: invite?.method ?? null,
    messageId: outboxMessageId(intent),
  };
}
