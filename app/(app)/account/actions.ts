"use server";

import { authErrorCode } from "@/lib/auth/auth-error";
import { headers } from "next/headers";
import { getAuth } from "@/lib/auth/auth";
import { changePasswordForm } from "@/lib/auth/auth-input";
import { passwordProblem } from "@/lib/auth/password-policy";
import { formAction } from "@/lib/http/form-action";

const checkField = (field: string, message: string) => ({
  ok: false,
  message: "Check the highlighted field.",
  fieldErrors: { [field]: message },
});

export const changePassword = formAction("signed-in", changePasswordForm, async (input, { actor }) => {
  // The policy reads the account's own email (a password must not be built from it).
  const problem = passwordProblem(input.newPassword, { email: actor.label });
  if (problem) return checkField("newPassword", problem);
  try {
    await getAuth().api.changePassword({
      headers: await headers(),
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
    });
  } catch (error) {
    const code = authErrorCode(error);
    if (code === "PASSWORD_TOO_WEAK") return checkField("newPassword", "This password is too easy to guess.");
    if (code !== null) return checkField("currentPassword", "That is not your current password");
    throw error;
  }
  return { ok: true, message: "Password changed. Your other sessions were signed out." };
});
