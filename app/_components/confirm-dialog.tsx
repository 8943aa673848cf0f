"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import { idle } from "@/lib/http/action-state";
import { buttonClass, FormFeedbackProvider, FormMessage, SubmitButton, type ButtonTone, type FormAction } from "./action-form";

type Props = {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  triggerTone?: ButtonTone;
  triggerSize?: "sm" | "md";
  title: string;
  confirm: string;
  action: FormAction;
  /** The dialog's fields (components of ./form-field.tsx keep what was typed when the server refuses). */
  children?: ReactNode;
  tone?: "danger" | "default";
};

/** An in-app confirmation (never window.confirm): a modal <dialog> holding the form of a server action. */
export function ConfirmDialog({
  trigger,
  triggerTone = "secondary",
  triggerSize = "md",
  title,
  confirm,
  action,
  children,
  tone = "default",
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction, pending] = useActionState(action, idle);
  useEffect(() => {
    if (state.ok) dialog.current?.close();
  }, [state]);
  return (
    <FormFeedbackProvider value={{ state, pending }}>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className={`${buttonClass(triggerTone, triggerSize)} ${triggerSize === "md" ? "py-1.5" : ""}`}
      >
        {trigger}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} className="flex flex-col gap-4 p-5 sm:p-6" noValidate>
          <h2 id={titleId} className="text-lg font-semibold break-words">
            {title}
          </h2>
          {children}
          {!state.ok && <FormMessage />}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className={buttonClass("secondary")}>
              Cancel
            </button>
            <SubmitButton tone={tone === "danger" ? "danger" : "primary"}>{confirm}</SubmitButton>
          </div>
        </form>
      </dialog>
      {state.ok && state.message && (
        <p role="status" className="text-sm text-emerald-800">
          {state.message}
        </p>
      )}
    </FormFeedbackProvider>
  );
}
