"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import { confirmByCandidate, rescheduleByCandidate, type ChangeResult } from "@/lib/self-service/candidate-changes";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { SelfServiceState } from "./self-service-state";

const slotId = z.coerce.number().int().positive();

/** The page's two actions share this: the rate limit, the change, and an answer in the candidate's words. */
async function run(change: () => ChangeResult, done: string): Promise<SelfServiceState> {
  const db = getDb();
  try {
    await limitSelfService(db, new Headers(await headers()));
    const { candidate } = change();
    const when = formatInstant(candidate.interviewAt, candidateZone(candidate, env().INTERVIEW_TIMEZONE), "long");
    return { ok: true, message: `${done} Your interview: ${when}.` };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.message };
    logError("self-service action failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again." };
  }
}

export async function confirmInterview(token: string): Promise<SelfServiceState> {
  return run(() => confirmByCandidate(getDb(), token), "Thank you, your interview is confirmed.");
}

export async function moveInterview(token: string, _state: SelfServiceState, form: FormData): Promise<SelfServiceState> {
  const parsed = slotId.safeParse(form.get("slotId"));
  if (!parsed.success) return { ok: false, message: "Choose one of the times first." };
  return run(() => rescheduleByCandidate(getDb(), token, parsed.data), "Done: your interview has moved.");
}
