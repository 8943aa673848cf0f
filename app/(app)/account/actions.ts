"use server";

import { authErrorCode } from "@/lib/auth/auth-error";
import { headers } from "next/headers";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import { formAction } from "@/lib/http/form-action";

const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: z.string().min(10, "Use at least 10 characters").max(128),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords differ" });

export const changePassword = formAction("signed-in", changePasswordInput, async (input) => {
  try {
    await getAuth().api.changePassword({
      headers: await headers(),
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    });
  } catch (error) {
    if (authErrorCode(error) !== null)
      return {
        ok: false,
        message: "Check the highlighted field.",
        fieldErrors: { currentPassword: "That is not your current password" },
      };
    throw error;
  }
  return { ok: true, message: "Password changed. Your other sessions were signed out." };
});
