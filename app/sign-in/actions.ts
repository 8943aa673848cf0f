"use server";

import { authErrorCode } from "@/lib/auth/auth-error";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAuth } from "@/lib/auth/auth";
import type { ActionState } from "@/lib/http/action-state";

const signInInput = z.object({
  email: z.email("Enter your email address"),
  password: z.string().min(1, "Enter your password").max(128),
  next: z.string().optional(),
});

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "Wrong email or password.",
  ACCOUNT_LOCKED: "Too many failed attempts for this account. Try again in 15 minutes.",
  BANNED_USER: "This account has been deactivated. Ask an admin.",
};

// Only same-site paths: an open redirect after sign-in would be a phishing aid.
const safeNext = (next: string | undefined) => (next?.startsWith("/") && !next.startsWith("//") ? next : "/");

export async function signIn(_state: ActionState, form: FormData): Promise<ActionState> {
  const parsed = signInInput.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
    };
  }
  try {
    await getAuth().api.signInEmail({
      headers: await headers(),
      body: { email: parsed.data.email, password: parsed.data.password },
    });
  } catch (error) {
    const code = authErrorCode(error);
    if (code === null) throw error;
    return { ok: false, message: MESSAGES[code] ?? "Sign-in failed. Try again." };
  }
  redirect(safeNext(parsed.data.next) as "/");
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
