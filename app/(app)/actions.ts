"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { resetAllForm } from "@/lib/candidates/candidate-input";
import { resetAllCandidates } from "@/lib/candidates/manual-status";
import { formAction } from "@/lib/http/form-action";

export const resetAll = formAction("candidates:reset", resetAllForm, ({ reason }, { actor }) => {
  const count = resetAllCandidates(getDb(), reason, actor);
  revalidatePath("/");
  return { ok: true, message: `${count} candidate${count === 1 ? "" : "s"} reset to pending.` };
});
