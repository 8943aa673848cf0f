"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { FormField, SelectField } from "@/app/_components/form-field";
import { addUser } from "./actions";

const ROLE_OPTIONS = [
  { value: "recruiter", label: "Recruiter" },
  { value: "admin", label: "Admin" },
];

export function AddUserForm() {
  return (
    <ActionForm
      action={addUser}
      aria-label="Add a user"
      className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-5 md:items-start"
    >
      <FormField label="Name" name="name" required />
      <FormField label="Email" name="email" type="email" required />
      <FormField label="Initial password" name="password" type="password" autoComplete="new-password" required />
      <SelectField label="Role" name="role" defaultValue="recruiter" options={ROLE_OPTIONS} />
      <SubmitButton className="md:mt-6">Add user</SubmitButton>
      <FormMessage fieldsShown className="md:col-span-5" />
    </ActionForm>
  );
}
