import { requireActor } from "@/lib/auth/current-actor";
import { ChangePasswordForm } from "./change-password-form";

export default async function AccountPage() {
  const actor = await requireActor();
  return (
    <main className="mx-auto max-w-7xl p-6">
      <h1 className="mb-1 text-xl font-semibold">Your account</h1>
      <p className="mb-6 text-sm text-slate-500">
        Signed in as {actor.label} ({actor.role}).
      </p>
      <ChangePasswordForm />
    </main>
  );
}
