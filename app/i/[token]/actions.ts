"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import { answerFor } from "@/lib/self-service/answers";
import { confirmByCandidate, rescheduleByCandidate, type ChangeResult } from "@/lib/self-service/candidate-changes";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import type { SelfServiceState } from "./self-service-state";

const slotId = z.coerce.number().int().positive();

/**
 * The page's two actions share this: the rate limit, the change, and an answer in the candidate's words. The page
 * is rendered again either way, so that it shows the interview as it now is and only the slots still free (the
 * loser of a race for the last place never sees that slot again).
 */
async function run(token: string, action: "confirm" | "reschedule", change: () => ChangeResult): Promise<SelfServiceState> {
  const db = getDb();
  try {
    await limitSelfService(db, new Headers(await headers()));
    return { ok: true, message: answerFor(action, change()) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: error.message };
    logError("self-service action failed", error);
    return { ok: false, message: "Something went wrong on our side. Nothing has changed: please try again." };
  } finally {
    revalidatePath(`/i/${token}`);
  }
}

export async function confirmInterview(token: string): Promise<SelfServiceState> {
  return run(token, "confirm", () => confirmByCandidate(getDb(), token));
}

export async function moveInterview(token: string, _state: SelfServiceState, form: FormData): Promise<SelfServiceState> {
  const parsed = slotId.safeParse(form.get("slotId"));
  if (!parsed.success) return { ok: false, message: "Choose one of the times first." };
  return run(token, "reschedule", () => rescheduleByCandidate(getDb(), token, parsed.data));
}
