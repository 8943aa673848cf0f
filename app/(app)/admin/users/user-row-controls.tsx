"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/auth/permissions";
import { idle } from "@/lib/http/action-state";
import { changeUser } from "./actions";

export function UserRowControls({ userId, email, role, active }: { userId: string; email: string; role: Role; active: boolean }) {
  const [state, action, pending] = useActionState(changeUser.bind(null, userId), idle);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={action} className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${userId}`}>
          Role of {email}
        </label>
        <select
          id={`role-${userId}`}
          name="role"
          defaultValue={role}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="recruiter">Recruiter</option>
          <option value="admin">Admin</option>
        </select>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
        >
          Save role
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50"
        >
          {active ? `Deactivate` : `Reactivate`}
          <span className="sr-only"> {email}</span>
        </button>
      </form>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </div>
  );
}
