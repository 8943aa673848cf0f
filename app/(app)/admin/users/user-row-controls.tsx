"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import type { Role } from "@/db/values";
import { changeUser } from "./actions";

export function UserRowControls({ userId, email, role, active }: { userId: string; email: string; role: Role; active: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ActionForm action={changeUser} className="flex items-center gap-2">
        <input type="hidden" name="userId" value={userId} />
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {email}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-slate-400 px-2 py-1 text-sm"
        >
          <option value="recruiter">Recruiter</option>
          <option value="admin">Admin</option>
        </select>
        <SubmitButton tone="secondary" size="sm">
          Save role
        </SubmitButton>
        <FormMessage className="px-2 py-1 text-xs" />
      </ActionForm>
      {active ? (
        // Deactivating signs the person out everywhere at once: asked first.
        <ConfirmDialog
          trigger={
            <>
              Deactivate<span className="sr-only"> {email}</span>
            </>
          }
          triggerSize="sm"
          title={`Deactivate ${email}?`}
          confirm="Deactivate"
          tone="danger"
          action={changeUser}
        >
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value="false" />
          <p className="text-sm text-slate-700">
            They are signed out on every device and cannot sign in until an admin reactivates them. Their past changes stay in the
            audit trail.
          </p>
        </ConfirmDialog>
      ) : (
        <ActionForm action={changeUser}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value="true" />
          <SubmitButton tone="secondary" size="sm">
            Reactivate<span className="sr-only"> {email}</span>
          </SubmitButton>
          <FormMessage className="px-2 py-1 text-xs" />
        </ActionForm>
      )}
    </div>
  );
}
