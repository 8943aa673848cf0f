import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/current-actor";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <h1 className="mb-1 text-xl font-semibold">Your account</h1>
      <p className="mb-6 text-sm text-slate-700">
        Signed in as {actor.label} ({actor.role}).
      </p>
      <ChangePasswordForm />
    </main>
  );
}
