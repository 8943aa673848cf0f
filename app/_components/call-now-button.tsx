"use client";

import { useActionState } from "react";
import { callCandidateNow } from "@/app/(app)/call-actions";
import { idle } from "@/lib/http/action-state";

type Props = {
  candidateId: number;
  /** Disables the button (e.g. while the candidate is already being called); the server checks anyway. */
  disabled?: boolean;
  className?: string;
};

/**
 * "Call now": asks Bolna to call the candidate (server action, permission "calls:place"). Disabled while the
 * request runs; a refusal (already calling, Bolna's error) is shown inline; the row itself updates live.
 */
export function CallNowButton({ candidateId, disabled, className }: Props) {
  const [state, action, pending] = useActionState(callCandidateNow, idle);
  return (
    <form action={action} className={`inline-flex flex-col items-start gap-1 ${className ?? ""}`}>
      <input type="hidden" name="candidateId" value={candidateId} />
      <button
        type="submit"
        disabled={pending || disabled}
        aria-busy={pending || undefined}
        className="rounded-md bg-sky-700 px-2.5 py-1 text-xs font-medium text-white hover:bg-sky-600 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "Calling…" : "Call now"}
      </button>
      {!pending && state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
