import { z } from "zod";
import { PASSWORD_LENGTH } from "./password-policy";

const userId = z.string().min(1).max(100);

/** The users page's row form as sent: the change itself is parsed by updateUserInput (lib/auth/manage-users.ts). */
export const changeUserForm = z.object({
  userId,
  role: z.string().optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const userForm = z.object({ userId });

/** The account page's "Change password": the policy itself is checked against the account (passwordProblem). */
export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_LENGTH.max),
    newPassword: z.string().max(PASSWORD_LENGTH.max, `Use at most ${PASSWORD_LENGTH.max} characters`),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords differ",
  });
