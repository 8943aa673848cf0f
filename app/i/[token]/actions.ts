"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import { confirmByCandidate, rescheduleByCandidate, type ChangeResult } from "@/lib/self-service/candidate-changes";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import { openLink } from "@/lib/self-service/links";
import type { Language } from "@/db/values";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { SelfServiceState } from "./self-service-state";

const slotId = z.coerce.number().int().positive();

/** The language of the link's candidate; English when the link itself is unusable (its error says why). */
function languageOf(token: string): Language {
  try {
    return candidateLanguage(openLink(getDb(), token, new Date()).candidate);
  } catch {
    return "en";
  }
}

/** A refusal in the candidate's words: the codes a candidate can meet are translated, others keep their message. */
function refusalMessage(error: ApiError, language: Language): string {
  const t = translator(language, "selfService");
  const key = `errors.${error.code}` as Parameters<typeof t>[0];
  return t.has(key) ? t(key, { hours: env().SELF_SERVICE_CUTOFF_HOURS }) : error.message;
}

/** The page's two actions share this: the rate limit, the change, and an answer in the candidate's language. */
async function run(token: string, change: () => ChangeResult, done: "confirmedDone" | "movedDone"): Promise<SelfServiceState> {
  const db = getDb();
  const language = languageOf(token);
  const t = translator(language, "selfService");
  try {
    await limitSelfService(db, new Headers(await headers()));
    const { candidate } = change();
    const when = writtenWhen(candidate.interviewAt, candidateZone(candidate, env().INTERVIEW_TIMEZONE), language);
    return { ok: true, message: t(done, { when }) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: refusalMessage(error, language) };
    logError("self-service action failed", error);
    return { ok: false, message: t("failed") };
  }
}

export async function confirmInterview(token: string): Promise<SelfServiceState> {
  return run(token, () => confirmByCandidate(getDb(), token), "confirmedDone");
}

export async function moveInterview(token: string, _state: SelfServiceState, form: FormData): Promise<SelfServiceState> {
  const parsed = slotId.safeParse(form.get("slotId"));
  if (!parsed.success) return { ok: false, message: translator(languageOf(token), "selfService")("chooseFirst") };
  return run(token, () => rescheduleByCandidate(getDb(), token, parsed.data), "movedDone");
}
