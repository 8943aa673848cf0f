"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { formId } from "@/lib/http/form-fields";
import { logError } from "@/lib/log";
import { answerFor } from "@/lib/self-service/answers";
import { confirmByCandidate, rescheduleByCandidate, type ChangeResult } from "@/lib/self-service/candidate-changes";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import { openLink } from "@/lib/self-service/links";
import type { Language } from "@/db/values";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import type { SelfServiceState } from "./self-service-state";

/** The language of the link's candidate; English when the link itself is unusable (its error says why). */
function languageOf(token: string): Language {
  try {
    return candidateLanguage(openLink(getDb(), token, new Date(), "view").candidate);
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

/**
 * The page's two actions share this: the rate limit, the change, and an answer in the candidate's language (what
 * is now true, and what happens next). The page is rendered again either way, so that it shows the interview as it
 * now is and only the slots still free (the loser of a race for the last place never sees that slot again).
 */
async function run(token: string, action: "confirm" | "reschedule", change: () => ChangeResult): Promise<SelfServiceState> {
  const db = getDb();
  const language = languageOf(token);
  const t = translator(language, "selfService");
  try {
    await limitSelfService(db, new Headers(await headers()));
    return { ok: true, message: answerFor(action, change()) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: refusalMessage(error, language) };
    logError("self-service action failed", error);
    return { ok: false, message: t("failed") };
  } finally {
    revalidatePath(`/i/${token}`);
  }
}

export async function confirmInterview(token: string): Promise<SelfServiceState> {
  return run(token, "confirm", () => confirmByCandidate(getDb(), token));
}

export async function moveInterview(token: string, _state: SelfServiceState, form: FormData): Promise<SelfServiceState> {
  const parsed = formId.safeParse(form.get("slotId"));
  if (!parsed.success) return { ok: false, message: translator(languageOf(token), "selfService")("chooseFirst") };
  return run(token, "reschedule", () => rescheduleByCandidate(getDb(), token, parsed.data));
}
