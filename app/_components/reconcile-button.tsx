"use client";

import { useActionState } from "react";
import { reconcileCallNow } from "@/app/(app)/call-actions";
import { idle } from "@/lib/http/action-state";

/** "Check with Bolna": fetches the call's execution from Bolna and applies it (source "reconcile"). */
export function ReconcileButton({ executionId, className }: { executionId: string; className?: string }) {
  const [state, action, pending] = useActionState(reconcileCallNow, idle);
  return (
    <form action={action} className={`inline-flex flex-col items-start gap-1 ${className ?? ""}`}>
      <input type="hidden" name="executionId" value={executionId} />
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending || undefined}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "Checking…" : "Check with Bolna"}
      </button>
      {!pending && state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
