"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/form-field";
import { changePassword } from "./actions";

export function ChangePasswordForm() {
  return (
    <ActionForm action={changePassword} className="flex max-w-sm flex-col gap-4">
      <FormField label="Current password" name="currentPassword" type="password" autoComplete="current-password" />
      <FormField label="New password" name="newPassword" type="password" autoComplete="new-password" />
      <FormField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" />
      <FormMessage fieldsShown />
      <SubmitButton className="self-start">Change password</SubmitButton>
    </ActionForm>
  );
}
