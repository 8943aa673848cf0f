"use server";

import { authErrorCode } from "@/lib/auth/auth-error";
import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { requireActor } from "@/lib/auth/current-actor";
import type { ActionState } from "@/lib/http/action-state";

const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: z.string().min(10, "Use at least 10 characters").max(128),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords differ" });

export async function changePassword(_state: ActionState, form: FormData): Promise<ActionState> {
  await requireActor();
  const parsed = changePasswordInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
    };
  }
  try {
    await getAuth().api.changePassword({
      headers: await headers(),
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
    });
  } catch (error) {
    if (authErrorCode(error) !== null)
      return { ok: false, fieldErrors: { currentPassword: "That is not your current password" } };
    throw error;
  }
  return { ok: true, message: "Password changed. Your other sessions were signed out." };
}
