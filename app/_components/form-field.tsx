"use client";

import {
  useId,
  useState,
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useFormFeedback, useKeptValue } from "./action-form";

const inputClass =
  "w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200 aria-[invalid]:border-rose-600";

type Common = {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  className?: string;
  /** For a form that keeps its own state (sign-in); inside an ActionForm the field reads its error itself. */
  error?: string;
};

/** The field's id, and its error (announced with the control: aria-describedby). */
function useField(name: string, explicit?: string) {
  const id = useId();
  const { state } = useFormFeedback();
  const error = explicit ?? state.fieldErrors?.[name];
  return { id, error, describedBy: error ? `${id}-error` : undefined };
}

function Frame({
  id,
  label,
  hint,
  error,
  className,
  children,
}: Omit<Common, "name"> & { id: string; error?: string; children: ReactNode }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && <p className="text-xs text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}

const kept = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A labelled input that keeps what was typed when the form is refused. */
export function FormField({
  label,
  name,
  hint,
  className,
  defaultValue,
  error: explicit,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, error, describedBy } = useField(name, explicit);
  const value = kept(useKeptValue(name));
  const secret = useSecretValue(input.type === "password");
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        name={name}
        {...(secret ?? { defaultValue: value ?? defaultValue })}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...input}
      />
    </Frame>
  );
}

/**
 * A password is never sent back by the server (lib/http/form-action.ts), so the browser keeps it: a controlled
 * input, which React's reset after an action leaves alone, emptied once the action succeeds.
 */
function useSecretValue(isSecret: boolean) {
  const { state } = useFormFeedback();
  const [value, setValue] = useState("");
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setValue("");
  }
  return isSecret ? { value, onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value) } : null;
}

export function SelectField({
  label,
  name,
  hint,
  className,
  defaultValue,
  options,
  error: explicit,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const { id, error, describedBy } = useField(name, explicit);
  const value = kept(useKeptValue(name));
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        name={name}
        // A key per kept value: a <select> shows its first render's default, and the refusal must show the choice.
        key={value}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function TextAreaField({
  label,
  name,
  hint,
  className,
  defaultValue,
  error: explicit,
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, error, describedBy } = useField(name, explicit);
  const value = kept(useKeptValue(name));
  return (
    <Frame id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        name={name}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...area}
      />
    </Frame>
  );
}

/** One checkbox; after a refusal it is ticked exactly when it was sent ticked. */
export function CheckboxField({
  label,
  name,
  hint,
  className,
  defaultChecked,
  value = "on",
  error: explicit,
}: Common & { defaultChecked?: boolean; value?: string }) {
  const { id, error, describedBy } = useField(name, explicit);
  const sent = useKeptValue(name);
  const checked = sent === undefined ? defaultChecked : ([] as string[]).concat(sent).includes(value);
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={id} className="flex items-start gap-2 text-sm text-slate-800">
        <input
          id={id}
          type="checkbox"
          name={name}
          value={value}
          key={String(checked)}
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="mt-0.5 h-4 w-4 shrink-0 accent-slate-900"
        />
        <span>{label}</span>
      </label>
      {hint && <p className="pl-6 text-xs text-slate-600">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="pl-6 text-xs font-medium text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
