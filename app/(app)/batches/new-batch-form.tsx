"use client";

import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton, useFormFeedback, useKeptValue } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/form-field";
import { startBatch } from "./actions";
import { RetriesField } from "./retries-field";

export type PendingCandidate = { id: number; name: string; phone: string; interview: string; past: boolean };

function Choices({ pending, more }: { pending: PendingCandidate[]; more: number }) {
  const { state } = useFormFeedback();
  const sentAll = useKeptValue("allPending");
  const sentIds = useKeptValue("candidateIds");
  const [allPending, setAllPending] = useState(sentAll !== undefined && sentAll !== "");
  const chosen = sentIds === undefined ? [] : ([] as string[]).concat(sentIds);
  return (
    <>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="allPending" checked={allPending} onChange={(event) => setAllPending(event.target.checked)} />
        All pending candidates with an upcoming interview
      </label>
      <fieldset
        disabled={allPending}
        className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-md border border-slate-300 p-2 disabled:opacity-50"
      >
        <legend className="px-1 text-sm font-medium text-slate-800">Or choose candidates</legend>
        {pending.length === 0 && <p className="text-sm text-slate-600">No candidate is pending.</p>}
        {pending.map((candidate) => {
          const checked = chosen.includes(String(candidate.id));
          return (
            <label key={candidate.id} className="flex flex-wrap items-center gap-x-2 text-sm">
              <input key={String(checked)} type="checkbox" name="candidateIds" value={candidate.id} defaultChecked={checked} />
              <span className="font-medium">{candidate.name}</span>
              <span className="text-xs text-slate-600">{candidate.phone}</span>
              <span className={`ml-auto text-xs tabular-nums ${candidate.past ? "text-amber-900" : "text-slate-600"}`}>
                {candidate.interview}
                {candidate.past && " · passed: will not be called"}
              </span>
            </label>
          );
        })}
        {more > 0 && <p className="text-xs text-slate-600">…and {more} more pending: use “All pending candidates”.</p>}
      </fieldset>
      {state.fieldErrors?.candidateIds && <p className="text-xs font-medium text-rose-700">{state.fieldErrors.candidateIds}</p>}
    </>
  );
}

/** Pick candidates (or every pending one), a concurrency and a pause between call starts. */
export function NewBatchForm({ pending, more }: { pending: PendingCandidate[]; more: number }) {
  return (
    <ActionForm action={startBatch} className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-base font-semibold">Start a batch</h2>
      <Choices pending={pending} more={more} />
      <div className="flex flex-wrap gap-4">
        <FormField
          label="Calls at the same time"
          name="concurrency"
          type="number"
          min={1}
          max={20}
          defaultValue={3}
          className="w-40"
        />
        <FormField
          label="Seconds between call starts"
          name="pacingSeconds"
          type="number"
          min={0}
          max={600}
          step={0.1}
          defaultValue={1}
          className="w-48"
        />
        <RetriesField />
      </div>
      <FormMessage fieldsShown />
      <SubmitButton className="self-start">Start batch</SubmitButton>
    </ActionForm>
  );
}
