"use server";

import { authErrorCode } from "@/lib/auth/auth-error";
import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { requireActor } from "@/lib/auth/current-actor";
import { passwordProblem, PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import type { ActionState } from "@/lib/http/action-state";

const changePasswordInput = (email: string) =>
  z
    .object({
      currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_LENGTH.max),
      newPassword: z.string().max(PASSWORD_LENGTH.max, `Use at most ${PASSWORD_LENGTH.max} characters`),
      confirmPassword: z.string(),
    })
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value.newPassword, { email });
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
    })
    .refine((value) => value.newPassword === value.confirmPassword, {
      path: ["confirmPassword"],
      message: "The passwords differ",
    });

export async function changePassword(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const parsed = changePasswordInput(actor.label).safeParse(Object.fromEntries(form));
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
    const code = authErrorCode(error);
    if (code === "PASSWORD_TOO_WEAK") return { ok: false, fieldErrors: { newPassword: "This password is too easy to guess." } };
    if (code !== null) return { ok: false, fieldErrors: { currentPassword: "That is not your current password" } };
    throw error;
  }
  return { ok: true, message: "Password changed. Your other sessions were signed out." };
}
