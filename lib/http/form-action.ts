import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/current-actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { logError } from "@/lib/log";
import type { ActionState, FormValues } from "./action-state";
import { ApiError } from "./api-error";

type Handler<S extends z.ZodType, C> = (input: z.infer<S>, context: C) => Promise<ActionState> | ActionState;
type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

// Never sent back to the browser: a refused form asks for the password again.
const SECRET_FIELD = /password|secret|token/i;

/** What was typed, field by field (a field sent several times, like a group of checkboxes, as a list). */
function submittedValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (SECRET_FIELD.test(key) || key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/** "is required" (an API's wording, after the field's name) beside a labelled field reads "Is required". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Each field's first problem; a list field's items report on the list. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= sentence(issue.message);
  return errors;
}

function refused(values: FormValues, message: string, fieldErrors?: Record<string, string>): ActionState {
  return { ok: false, message, fieldErrors, values };
}

const checkFields = (errors: Record<string, string>) =>
  Object.keys(errors).length === 1 ? "Check the highlighted field." : "Check the highlighted fields.";

async function run<S extends z.ZodType, C>(form: FormData, schema: S, handler: Handler<S, C>, context: C) {
  const values = submittedValues(form);
  const parsed = schema.safeParse(Object.fromEntries([...Object.entries(values), ...secretEntries(form)]));
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return refused(values, checkFields(errors), errors);
  }
  try {
    const result = await handler(parsed.data, context);
    return result.ok ? result : { ...result, values };
  } catch (error) {
    // redirect() and notFound() work by throwing: they are answers, not failures.
    unstable_rethrow(error);
    if (error instanceof ApiError) {
      if (!error.field) return refused(values, error.message);
      // "phone: not a valid phone number" reads "Not a valid phone number", beside the field and as the message
      // (a form without that field, like "Call now", shows the message).
      const sentenceOf = sentence(error.message.replace(`${error.field}: `, ""));
      return refused(values, sentenceOf, { [error.field]: sentenceOf });
    }
    if (error instanceof z.ZodError) return refused(values, checkFields(fieldErrorsOf(error)), fieldErrorsOf(error));
    logError("server action failed", error);
    return refused(values, "Something went wrong on our side.");
  }
}

function secretEntries(form: FormData): [string, string][] {
  return [...form.entries()].filter(
    (entry): entry is [string, string] => SECRET_FIELD.test(entry[0]) && typeof entry[1] === "string",
  );
}

/**
 * A signed-in form's server action (as saas-starter's validatedActionWithUser): the actor must hold
 * `permission` (checked here, on the server, every time; "signed-in": anyone signed in, for their own account); the form is parsed with `schema`; a refusal, bad
 * fields or a domain error (ApiError) come back as an ActionState with the submitted values, so the form shows
 * what was typed. `redirect()` in the handler works as usual.
 */
export function formAction<S extends z.ZodType>(
  permission: Permission | "signed-in",
  schema: S,
  handler: Handler<S, { actor: Actor; form: FormData }>,
): FormAction {
  return async (_state, form) => {
    const actor = await requireActor();
    if (permission !== "signed-in" && !can(actor.role, permission))
      return refused(submittedValues(form), `The ${actor.role} role may not do this.`);
    return run(form, schema, handler, { actor, form });
  };
}
