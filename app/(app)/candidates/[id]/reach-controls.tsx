"use client";

import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/http/action-state";
import { manageLinkAction, stopCallAction, type LinkState } from "./reach-actions";

const BUTTON =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
      {state.message}
    </p>
  );
}

/** New link (shown once, to copy) and revoke. */
export function LinkControls({ candidateId, hasLink }: { candidateId: number; hasLink: boolean }) {
  const [state, act, acting] = useActionState<LinkState, FormData>(manageLinkAction.bind(null, candidateId), idle);
  return (
    <form action={act} className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="create" disabled={acting} className={BUTTON}>
          {hasLink ? "New link" : "Create link"}
        </button>
        {hasLink && (
          <button type="submit" name="intent" value="revoke" disabled={acting} className={BUTTON}>
            Revoke
          </button>
        )}
      </div>
      {state.url && (
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          Link for the candidate (shown once)
          <input
            readOnly
            value={state.url}
            onFocus={(event) => event.target.select()}
            className="rounded border border-slate-300 px-2 py-1 font-mono"
          />
        </label>
      )}
      <Message state={state} />
    </form>
  );
}

/** Stops a call that has not rung yet (scheduled, or waiting for a retry). */
export function StopCallButton({ executionId }: { executionId: string }) {
  const [state, stop, stopping] = useActionState<ActionState>(stopCallAction.bind(null, executionId), idle);
  return (
    <form action={stop} className="flex flex-col items-start gap-1">
      <button type="submit" disabled={stopping} className={BUTTON}>
        Stop this call
      </button>
      <Message state={state} />
    </form>
  );
}
