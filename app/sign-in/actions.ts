"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/safe-next";
import { signInInput, signInWithPassword } from "@/lib/auth/sign-in";
import type { ActionState } from "@/lib/http/action-state";

/** What the form shows after a refused attempt: the message, and the email as typed (React resets the fields). */
export type SignInState = ActionState & { email?: string };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/** The sign-in page's action: the same function, limits and lockout as POST /api/auth/sign-in/email. */
export async function signIn(_state: SignInState, form: FormData): Promise<SignInState> {
  const typed = { email: text(form.get("email")), password: text(form.get("password")) };
  const email = typed.email.slice(0, 254);
  const parsed = signInInput.safeParse(typed);
  if (!parsed.success) {
    return {
      ok: false,
      email,
      fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
    };
  }
  const outcome = await signInWithPassword(getDb(), parsed.data, await headers());
  if (!outcome.ok) return { ok: false, email, message: outcome.message };
  redirect(safeNextPath(form.get("next")) as "/");
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
