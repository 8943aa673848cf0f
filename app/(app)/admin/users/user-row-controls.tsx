"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
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
      <ActionForm action={changeUser}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton tone="secondary" size="sm">
          {active ? `Deactivate` : `Reactivate`}
          <span className="sr-only"> {email}</span>
        </SubmitButton>
        <FormMessage className="px-2 py-1 text-xs" />
      </ActionForm>
    </div>
  );
}
