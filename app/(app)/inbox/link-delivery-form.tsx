"use client";

import { useActionState, useState } from "react";
import { idle } from "@/lib/http/action-state";
import type { LinkTarget } from "@/lib/webhook/inbox";
import { linkToCandidate } from "./actions";

const digits = (value: string) => value.replace(/\D/g, "");

function matches(target: LinkTarget, query: string): boolean {
  const words = query.trim().toLowerCase();
  if (!words) return true;
  const number = digits(words);
  return target.name.toLowerCase().includes(words) || (number.length > 0 && digits(target.phone).includes(number));
}

/** Chooses the candidate an unmatched delivery belongs to: a search box narrows the list by name or phone digits. */
export function LinkDeliveryForm({ eventId, targets }: { eventId: number; targets: LinkTarget[] }) {
  const [state, action, pending] = useActionState(linkToCandidate.bind(null, eventId), idle);
  const [query, setQuery] = useState("");
  const shown = targets.filter((target) => matches(target, query));
  const searchId = `find-${eventId}`;
  const selectId = `candidate-${eventId}`;
  const error = state.ok ? undefined : (state.fieldErrors?.candidateId ?? state.message);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={searchId} className="text-xs font-medium text-slate-600">
          Find candidate
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Name or phone digits"
          className="w-48 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-xs font-medium text-slate-600">
          Candidate
        </label>
        <select
          id={selectId}
          name="candidateId"
          required
          defaultValue=""
          aria-invalid={error ? true : undefined}
          className="w-72 rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid]:border-rose-400"
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
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Link
      </button>
      {error && (
        <p role="alert" className="basis-full text-xs text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}
