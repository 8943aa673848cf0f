"use client";

import { ActionForm, buttonClass, FormMessage, useFormFeedback } from "@/app/_components/action-form";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { manageLinkAction, stopCallAction } from "./reach-actions";

function LinkButtons({ hasLink }: { hasLink: boolean }) {
  const { state, pending } = useFormFeedback();
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="create" disabled={pending} className={buttonClass("secondary", "sm")}>
          {hasLink ? "New link" : "Create link"}
        </button>
        {hasLink && (
          <button type="submit" name="intent" value="revoke" disabled={pending} className={buttonClass("secondary", "sm")}>
            Revoke
          </button>
        )}
      </div>
      {state.shownOnce && (
        <label className="flex flex-col gap-1 text-xs text-slate-700">
          Link for the candidate (shown once)
          <input
            readOnly
            value={state.shownOnce}
            onFocus={(event) => event.target.select()}
            className="rounded border border-slate-400 px-2 py-1 font-mono"
          />
        </label>
      )}
    </>
  );
}

/** New link (shown once, to copy) and revoke. */
export function LinkControls({ candidateId, hasLink }: { candidateId: number; hasLink: boolean }) {
  return (
    <ActionForm action={manageLinkAction} className="flex flex-col gap-2">
      <input type="hidden" name="candidateId" value={candidateId} />
      <LinkButtons hasLink={hasLink} />
      <FormMessage className="px-2 py-1 text-xs" />
    </ActionForm>
  );
}

/** Stops a call that has not rung yet (scheduled, or waiting for a retry), once the recruiter says so twice. */
export function StopCallButton({ executionId, ringsAt }: { executionId: string; ringsAt: string }) {
  return (
    <ConfirmDialog
      trigger="Stop this call"
      triggerSize="sm"
      title="Stop this call?"
      confirm="Stop the call"
      tone="danger"
      action={stopCallAction}
    >
      <input type="hidden" name="executionId" value={executionId} />
      <p className="text-sm text-slate-700">
        Bolna will not ring at {ringsAt}, nor try again. The candidate stays as they are until someone calls them.
      </p>
    </ConfirmDialog>
  );
}
