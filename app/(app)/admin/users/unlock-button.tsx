"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { unlock } from "./actions";

/** Lifts the sign-in locks that failed attempts put on one account. */
export function UnlockButton({ userId, email }: { userId: string; email: string }) {
  return (
    <ActionForm action={unlock} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton tone="secondary" size="sm">
        Unlock<span className="sr-only"> {email}</span>
      </SubmitButton>
      <FormMessage className="px-2 py-1 text-xs" />
    </ActionForm>
  );
}
