"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { idle, type ActionState } from "@/lib/http/action-state";

export type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;
type Feedback = { state: ActionState; pending: boolean };

const FormFeedback = createContext<Feedback>({ state: idle, pending: false });

/** The state of the enclosing form's last submission: fields read their error and kept value from it. */
export function useFormFeedback(): Feedback {
  return useContext(FormFeedback);
}

/**
 * What a field shows: after a refused submission, what was sent (a field left out, like an unticked box, was
 * empty); otherwise its default. React resets uncontrolled fields after every action, to these defaults.
 */
export function useKeptValue(name: string): string | string[] | undefined {
  const { state } = useFormFeedback();
  return state.values ? (state.values[name] ?? "") : undefined;
}

export const FormFeedbackProvider = FormFeedback.Provider;

/**
 * A server action as a client function, for a form on every row of a list (Call now, attendance). React gives a
 * server action's form a fallback for browsers without JavaScript, whose state it encodes asynchronously: each
 * row's form then suspends into a segment of its own, streamed after the table, which cost the board about a
 * sixth of its server time at 25 rows (npm run bench). A client function has no such fallback; React replays a
 * submission made before the page is hydrated once it is.
 */
export function inPageOnly(action: FormAction): FormAction {
  return (state, form) => action(state, form);
}

type Props = {
  action: FormAction;
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
};

/** A form bound to a server action (lib/http/form-action.ts); fields inside keep what was typed on a refusal. */
export function ActionForm({ action, children, className, ...rest }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <FormFeedbackProvider value={{ state, pending }}>
      <form action={formAction} className={className} noValidate aria-label={rest["aria-label"]}>
        {children}
      </form>
    </FormFeedbackProvider>
  );
}

/**
 * The submission's message: an alert when refused, a status line when it succeeded. `fieldsShown`: the form
 * shows its fields' errors beside them, so a refusal with field errors points there instead of repeating one.
 */
export function FormMessage({ className, fieldsShown = false }: { className?: string; fieldsShown?: boolean }) {
  const { state, pending } = useFormFeedback();
  if (pending || !state.message) return null;
  const fields = fieldsShown && !state.ok ? Object.keys(state.fieldErrors ?? {}).length : 0;
  const text = fields === 0 ? state.message : fields === 1 ? "Check the highlighted field." : "Check the highlighted fields.";
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900" : "bg-rose-50 text-rose-900"} ${className ?? ""}`}
    >
      {text}
    </p>
  );
}

const TONES = {
  primary: "bg-slate-900 text-white hover:bg-slate-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-rose-700 text-white hover:bg-rose-600",
  call: "bg-sky-700 text-white hover:bg-sky-600",
} as const;

export type ButtonTone = keyof typeof TONES;

export const buttonClass = (tone: ButtonTone, size: "sm" | "md" = "md") =>
  `inline-flex items-center justify-center rounded-md font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-60 ${
    size === "sm" ? "px-2.5 py-1 text-xs" : "px-4 py-2 text-sm"
  } ${TONES[tone]}`;

/** The form's submit button, disabled while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
  size = "md",
  className,
  disabled,
}: {
  children: ReactNode;
  pendingLabel?: string;
  tone?: ButtonTone;
  size?: "sm" | "md";
  className?: string;
  disabled?: boolean;
}) {
  const { pending } = useFormFeedback();
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-busy={pending || undefined}
      className={`${buttonClass(tone, size)} ${className ?? ""}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
