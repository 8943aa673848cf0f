"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { resetAllCandidates } from "@/lib/candidates/manual-status";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

export async function resetAll(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "candidates:reset", () => {
    const reason =
      String(form.get("reason") ?? "")
        .trim()
        .slice(0, 500) || null;
    const count = resetAllCandidates(getDb(), reason, actor);
    revalidatePath("/");
    return { ok: true, message: `${count} candidate${count === 1 ? "" : "s"} reset to pending.` };
  });
}
