import type { Candidate } from "@/db/schema";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { ChangeResult } from "./candidate-changes";

/**
 * What the candidate is told after confirming or moving, in their language: what is now true, and what happens
 * next. The page and POST /api/self-service/{token} answer with the same words.
 */
export function answerFor(action: "confirm" | "reschedule", { candidate, changed }: ChangeResult): string {
  const language = candidateLanguage(candidate);
  const t = translator(language, "selfService");
  const when = writtenWhen(candidate.interviewAt, candidateZone(candidate, env().INTERVIEW_TIMEZONE), language);
  const next = t(nextStep(candidate));
  if (action === "reschedule") return t("movedDone", { when, next });
  return changed ? t("confirmedDone", { when, next }) : t("alreadyConfirmed", { when });
}

const nextStep = (candidate: Pick<Candidate, "email">) => (candidate.email ? "nextByMail" : "nextOnPage");
