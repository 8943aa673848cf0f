"use client";

import { reconcileCallNow } from "@/app/(app)/call-actions";
import { ActionForm, FormMessage, SubmitButton } from "./action-form";

/** "Check with Bolna": fetches the call's execution from Bolna and applies it (source "reconcile"). */
export function ReconcileButton({ executionId }: { executionId: string }) {
  return (
    <ActionForm action={reconcileCallNow} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="executionId" value={executionId} />
      <SubmitButton tone="secondary" size="sm" pendingLabel="Checking…">
        Check with Bolna
      </SubmitButton>
      <FormMessage className="px-2 py-1 text-xs" />
    </ActionForm>
  );
}
