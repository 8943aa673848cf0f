import type { Db } from "@/db/client";
import type { Candidate, OutboxMessage } from "@/db/schema";
import { interviewInvite } from "@/lib/calendar/interview-invite";
import { inviteSettings } from "@/lib/calendar/invite-settings";
import { givenName } from "@/lib/candidates/given-name";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { logError } from "@/lib/log";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { bareAddress } from "./mail-address";
import type { MessageKind } from "./outbox";

export type Recipient = Pick<
  Candidate,
  "id" | "name" | "email" | "phone" | "timeZone" | "position" | "status" | "requestedInterviewAt" | "language"
>;
type Intent = Pick<OutboxMessage, "id" | "kind" | "interviewAt" | "inviteSequence" | "linkUrl" | "linkExpiresAt" | "createdAt">;

export type RenderedMessage = {
  toAddress: string;
  subject: string;
  body: string;
  ics: string | null;
  icsMethod: string | null;
  messageId: string;
};

/**
 * The invite for a message, or null when the `ics` package refuses the data (an address it does not accept): the
 * message then goes without it, rather than never.
 */
function inviteOrNull(db: Pick<Db, "select">, candidate: Parameters<typeof interviewInvite>[0]["candidate"], zone: string) {
  try {
    return interviewInvite({ candidate, zone, ...inviteSettings(db) });
  } catch (error) {
    logError(`the calendar invite for candidate ${candidate.id} could not be built`, error);
    return null;
  }
}

/** One Message-ID per outbox row (its id and creation time, at MAIL_FROM's domain), the same on every attempt. */
export function outboxMessageId(intent: Pick<OutboxMessage, "id" | "createdAt">): string {
  const domain = bareAddress(env().MAIL_FROM).split("@")[1] || "callboard.invalid";
  return `<outbox-${intent.id}.${intent.createdAt.getTime()}@${domain}>`;
}

/**
 * The message an outbox intent stands for, to the candidate as they are now (name, address, zone, language),
 * about the interview and invite version the intent recorded: written in the candidate's language
 * (messages/<language>.json) with every time in their zone, and the calendar invite a REQUEST, or a CANCEL after a
 * decline. Null when the candidate has no e-mail address.
 */
export function renderMessage(db: Pick<Db, "select">, candidate: Recipient, intent: Intent): RenderedMessage | null {
  if (!candidate.email || !intent.interviewAt) return null;
  const kind = intent.kind as MessageKind;
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const language = candidateLanguage(candidate);
  const t = translator(language, "mail");
  const cancelled = kind === "declined" || (kind === "self_service_link" && candidate.status === "declined");
  const invite = inviteOrNull(
    db,
    {
      ...candidate,
      interviewAt: intent.interviewAt,
      inviteSequence: intent.inviteSequence ?? 0,
      // A confirmation settles the time (CONFIRMED); other messages carry the candidate's answer as it is now, so an
      // unanswered time stays TENTATIVE.
      status: cancelled ? "declined" : kind === "confirmed" ? "confirmed" : candidate.status,
    },
    zone,
  );
  const when = `${writtenWhen(intent.interviewAt, zone, language, "minute")} (${zone})`;
  const position = candidate.position ?? t("defaultPosition");
  const subject = t(`${kind}.subject`, { when });
  const body = [
    t("hello", { firstName: givenName(candidate.name) }),
    "",
    t(`${kind}.line`, { position, when }),
    ...(intent.linkUrl
      ? [
          "",
          t("linkIntro"),
          intent.linkUrl,
          ...(intent.linkExpiresAt
            ? [t("linkUntil", { until: writtenWhen(intent.linkExpiresAt, zone, language, "minute") })]
            : []),
        ]
      : []),
    ...(invite ? ["", invite.method === "CANCEL" ? t("inviteRemoves") : t("inviteAdds")] : []),
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
