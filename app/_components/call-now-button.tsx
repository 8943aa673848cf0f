"use client";

import { callCandidateNow } from "@/app/(app)/call-actions";
import { ActionForm, FormMessage, inPageOnly, SubmitButton } from "./action-form";
import { ConfirmDialog } from "./confirm-dialog";

type Props = {
  candidateId: number;
  name: string;
  /** Why calling needs a second thought, said in the dialog; null calls straight away. */
  askFirst: { reason: string; past: boolean } | null;
  /** Disables the button (e.g. while the candidate is already being called); the server checks anyway. */
  disabled?: boolean;
  size?: "sm" | "md";
};

const call = inPageOnly(callCandidateNow);

/**
 * "Call now": asks Bolna to call the candidate (server action, permission "calls:place"). Calling someone who
 * already answered, or about an interview that has passed, asks first. A refusal (already calling, Bolna's
 * error) is shown inline; the row itself updates live.
 */
export function CallNowButton({ candidateId, name, askFirst, disabled, size = "sm" }: Props) {
  const fields = (
    <>
      <input type="hidden" name="candidateId" value={candidateId} />
      {askFirst?.past && <input type="hidden" name="allowPast" value="1" />}
    </>
  );
  if (askFirst && !disabled) {
    return (
      <ConfirmDialog
        trigger={
          <>
            Call now<span className="sr-only"> {name}</span>
          </>
        }
        triggerTone="call"
        triggerSize={size}
        title={`Call ${name} again?`}
        confirm="Call anyway"
        action={call}
      >
        {fields}
        <p className="text-sm text-slate-700">{askFirst.reason}</p>
      </ConfirmDialog>
    );
  }
  return (
    <ActionForm action={call} className="inline-flex flex-col items-start gap-1">
      {fields}
      <SubmitButton tone="call" size={size} pendingLabel="Calling…" disabled={disabled}>
        Call now<span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormMessage className="px-2 py-1 text-xs" />
    </ActionForm>
  );
}
