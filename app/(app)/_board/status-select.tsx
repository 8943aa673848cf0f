"use client";

import { CANDIDATE_STATUSES } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

/** The status filter applies as soon as it changes (the search box still waits for Enter or Apply). */
export function StatusSelect({ value }: { value: string }) {
  return (
    <select
      name="status"
      defaultValue={value}
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
      className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm font-normal text-slate-900"
    >
      <option value="">All statuses</option>
      {CANDIDATE_STATUSES.map((status) => (
        <option key={status} value={status}>
          {CANDIDATE_STATUS_LABELS[status]}
        </option>
      ))}
    </select>
  );
}
