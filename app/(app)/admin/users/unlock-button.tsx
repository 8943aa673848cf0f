"use client";

import { useActionState } from "react";
import { idle } from "@/lib/http/action-state";
import { unlock } from "./actions";

/** Lifts the sign-in locks that failed attempts put on one account. */
export function UnlockButton({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(unlock.bind(null, userId), idle);
  return (
    <form action={action} className="flex items-center gap-2">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-amber-400 bg-amber-50 px-2 py-1 text-sm text-amber-900 hover:bg-amber-100"
      >
        Unlock<span className="sr-only"> {email}</span>
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
