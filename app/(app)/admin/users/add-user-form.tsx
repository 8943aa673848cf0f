"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { idle } from "@/lib/http/action-state";
import { addUser } from "./actions";

export function AddUserForm() {
  const [state, action, pending] = useActionState(addUser, idle);
  return (
    <form
      action={action}
      className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-5 md:items-end"
      noValidate
    >
      <FormField label="Name" name="name" required error={state.fieldErrors?.name} />
      <FormField label="Email" name="email" type="email" required error={state.fieldErrors?.email} />
      <FormField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="new-user-role" className="text-sm font-medium text-slate-700">
          Role
        </label>
        <select
          id="new-user-role"
          name="role"
          defaultValue="recruiter"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        >
          <option value="recruiter">Recruiter</option>
          <option value="admin">Admin</option>
        </select>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Add user
      </button>
      {state.message && (
        <p role="status" className={`md:col-span-5 text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
