"use client";

import { useActionState, useState } from "react";
import { idle } from "@/lib/http/action-state";
import { startBatch } from "./actions";
import { RetriesField } from "./retries-field";

export type PendingCandidate = { id: number; name: string; phone: string; interview: string };

/** Pick candidates (or every pending one), a concurrency and a pause between call starts. */
export function NewBatchForm({ pending, more }: { pending: PendingCandidate[]; more: number }) {
  const [state, action, submitting] = useActionState(startBatch, idle);
  const [allPending, setAllPending] = useState(false);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold">Start a batch</h2>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="allPending" checked={allPending} onChange={(event) => setAllPending(event.target.checked)} />
        All pending candidates
      </label>
      <fieldset
        disabled={allPending}
        className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 disabled:opacity-50"
      >
        <legend className="px-1 text-sm font-medium text-slate-700">Or choose candidates</legend>
        {pending.length === 0 && <p className="text-sm text-slate-500">No candidate is pending.</p>}
        {pending.map((candidate) => (
          <label key={candidate.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="candidateIds" value={candidate.id} />
            <span className="font-medium">{candidate.name}</span>
            <span className="text-xs text-slate-500">{candidate.phone}</span>
            <span className="ml-auto text-xs tabular-nums text-slate-500">{candidate.interview}</span>
          </label>
        ))}
        {more > 0 && <p className="text-xs text-slate-500">…and {more} more pending: use “All pending candidates”.</p>}
      </fieldset>
      {errors.candidateIds && <p className="text-xs text-rose-700">{errors.candidateIds}</p>}
      <div className="flex flex-wrap gap-4">
        <label className="flex flex-col gap-1 text-sm">
          Calls at the same time
          <input
            name="concurrency"
            type="number"
            min={1}
            max={20}
            defaultValue={3}
            className="w-28 rounded-md border border-slate-300 px-2 py-1"
          />
          {errors.concurrency && <span className="text-xs text-rose-700">{errors.concurrency}</span>}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Seconds between call starts
          <input
            name="pacingSeconds"
            type="number"
            min={0}
            max={600}
            step={0.1}
            defaultValue={1}
            className="w-28 rounded-md border border-slate-300 px-2 py-1"
          />
          {errors.pacingSeconds && <span className="text-xs text-rose-700">{errors.pacingSeconds}</span>}
        </label>
        <RetriesField error={errors.retry} />
      </div>
      {state.message && !state.ok && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={submitting}
        className="self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Start batch
      </button>
    </form>
  );
}
