"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { createCandidateInput } from "@/lib/candidates/candidate-input";
import { createCandidate } from "@/lib/candidates/create-candidate";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";
import { localInputToIso } from "@/lib/time/zoned-input";

export async function addCandidate(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const config = env();
  const result = await runAction(actor, "candidates:write", () => {
    const input = createCandidateInput.parse({
      name: form.get("name"),
      phone: form.get("phone"),
      email: form.get("email"),
      position: form.get("position"),
      interviewAt: localInputToIso(String(form.get("interviewAt") ?? ""), config.INTERVIEW_TIMEZONE) ?? "",
      reschedulingSlotIds: form.getAll("reschedulingSlotIds").map(Number),
    });
    createCandidate(getDb(), input, config.DEFAULT_COUNTRY, actor);
    return { ok: true };
  });
  if (result.ok) redirect("/");
  return result;
}
