"use client";

import { useState } from "react";
import { ActionForm, SubmitButton, useFormFeedback, useKeptValue } from "@/app/_components/action-form";
import type { LinkTarget } from "@/lib/webhook/inbox";
import { linkToCandidate } from "./actions";

const digits = (value: string) => value.replace(/\D/g, "");

function matches(target: LinkTarget, query: string): boolean {
  const words = query.trim().toLowerCase();
  if (!words) return true;
  const number = digits(words);
  return target.name.toLowerCase().includes(words) || (number.length > 0 && digits(target.phone).includes(number));
}

function Fields({ eventId, targets }: { eventId: number; targets: LinkTarget[] }) {
  const { state } = useFormFeedback();
  const kept = useKeptValue("candidateId");
  const [query, setQuery] = useState("");
  const shown = targets.filter((target) => matches(target, query) || String(target.id) === kept);
  const searchId = `find-${eventId}`;
  const selectId = `candidate-${eventId}`;
  const error = state.ok ? undefined : (state.fieldErrors?.candidateId ?? state.message);
  return (
    <>
      <input type="hidden" name="eventId" value={eventId} />
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium text-slate-700">
          Find candidate
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Name or phone digits"
          className="w-full rounded-md border border-slate-400 px-2 py-1 text-sm sm:w-48"
        />
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={selectId} className="text-xs font-medium text-slate-700">
          Candidate
        </label>
        <select
          id={selectId}
          key={typeof kept === "string" ? kept : ""}
          name="candidateId"
          required
          defaultValue={typeof kept === "string" ? kept : ""}
          aria-invalid={error ? true : undefined}
          className="w-full rounded-md border border-slate-400 px-2 py-1 text-sm aria-[invalid]:border-rose-600 sm:w-72"
        >
          <option value="" disabled>
            {shown.length === 0 ? "No candidate matches" : `Choose (${shown.length})…`}
          </option>
          {shown.map((target) => (
            <option key={target.id} value={target.id}>
              {target.name} · {target.phone}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton size="sm" className="py-1.5">
        Link
      </SubmitButton>
      {error && (
        <p role="alert" className="basis-full text-xs text-rose-800">
          {error}
        </p>
      )}
    </>
  );
}

/** Chooses the candidate an unmatched delivery belongs to: a search box narrows the list by name or phone digits. */
export function LinkDeliveryForm({ eventId, targets }: { eventId: number; targets: LinkTarget[] }) {
  return (
    <ActionForm action={linkToCandidate} className="flex min-w-0 flex-wrap items-end gap-2">
      <Fields eventId={eventId} targets={targets} />
    </ActionForm>
  );
}
