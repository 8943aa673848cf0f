import type { Candidate } from "@/db/schema";
import { interviewInvite } from "@/lib/calendar/interview-invite";
import { givenName } from "@/lib/candidates/given-name";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { bareAddress } from "./mail-address";
import type { MessageKind, NewMessage } from "./outbox";

type Recipient = Pick<
  Candidate,
  "id" | "name" | "email" | "phone" | "timeZone" | "position" | "interviewAt" | "status" | "inviteSequence" | "language"
>;

/**
 * The invite for a message, or null when the `ics` package refuses the data (an address it does not accept): the
 * message then goes without it. Messages are written inside other transactions (a webhook's), which must not fail.
 */
function inviteOrNull(candidate: Recipient, zone: string) {
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

/**
 * A message to the candidate about their interview, with the calendar invite (REQUEST, or CANCEL after a decline),
 * in the candidate's language (messages/<language>.json) with every time written in their zone; null when they
 * have no e-mail address.
 */
export function candidateMessage(
  candidate: Recipient,
  kind: MessageKind,
  link?: { url: string; expiresAt: Date },
): NewMessage | null {
  if (!candidate.email) return null;
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const language = candidateLanguage(candidate);
  const t = translator(language, "mail");
  const invite = inviteOrNull(candidate, zone);
  const when = `${writtenWhen(candidate.interviewAt, zone, language, "minute")} (${zone})`;
  const position = candidate.position ?? t("defaultPosition");
  const subject = t(`${kind}.subject`, { when });
  const body = [
    t("hello", { firstName: givenName(candidate.name) }),
    "",
    t(`${kind}.line`, { position, when }),
    ...(link
      ? ["", t("linkIntro"), link.url, t("linkUntil", { until: writtenWhen(link.expiresAt, zone, language, "minute") })]
      : []),
    ...(invite ? ["", invite.method === "CANCEL" ? t("inviteRemoves") : t("inviteAdds")] : []),
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
