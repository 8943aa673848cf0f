"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { resetAllCandidates } from "@/lib/candidates/manual-status";
import { formAction } from "@/lib/http/form-action";

const resetAllInput = z.object({
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .optional()
    .transform((value) => value || null),
});

export const resetAll = formAction("candidates:reset", resetAllInput, ({ reason }, { actor }) => {
  const count = resetAllCandidates(getDb(), reason, actor);
  revalidatePath("/");
  return { ok: true, message: `${count} candidate${count === 1 ? "" : "s"} reset to pending.` };
});
