"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import { idle, type ActionState } from "@/lib/http/action-state";

type Props = {
  /** The button that opens the dialog. */
  trigger: string;
  title: string;
  confirm: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children?: ReactNode;
  tone?: "danger" | "default";
};

/** An in-app confirmation (never window.confirm): a modal <dialog> holding the form of a server action. */
export function ConfirmDialog({ trigger, title, confirm, action, children, tone = "default" }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, idle);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  const confirmClass = tone === "danger" ? "bg-rose-700 hover:bg-rose-600" : "bg-slate-900 hover:bg-slate-700";
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
      >
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children}
          {state.message && !state.ok && (
            <p role="alert" className="text-sm text-rose-700">
              {state.message}
            </p>
          )}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={pending}
              className={`rounded-md px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60 ${confirmClass}`}
            >
              {confirm}
            </button>
          </div>
        </form>
      </dialog>
      {state.ok && state.message && (
        <p role="status" className="text-sm text-emerald-700">
          {state.message}
        </p>
      )}
    </>
  );
}
