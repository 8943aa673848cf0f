// Imported by client components (forms start from `idle`): nothing here may pull server code or zod into the
// browser bundle. Server actions build states with lib/http/run-action.ts.

/** What a form's server action reports back: a message, and per-field errors to show beside the inputs. */
export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

export const idle: ActionState = { ok: false };
