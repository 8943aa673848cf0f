// Imported by client components (forms start from `idle`): nothing here may pull server code or zod into the
// browser bundle. Server actions build states with lib/http/form-action.ts.

/** What the form sent, as strings: a form re-renders with it after a refusal, so nothing typed is lost. */
export type FormValues = Record<string, string | string[]>;

/**
 * What a form's server action reports back: a message, per-field errors to show beside the inputs, and (when it
 * did not succeed) the submitted values.
 */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: FormValues;
  /** A value the page shows once and never again, like a new self-service link (only its hash is stored). */
  shownOnce?: string;
};

export const idle: ActionState = { ok: false };
