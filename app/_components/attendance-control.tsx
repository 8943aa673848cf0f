"use client";

import { useActionState } from "react";
import { markCandidateAttendance } from "@/app/(app)/attendance-actions";
import type { AttendanceMark } from "@/db/values";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-values";
import { idle } from "@/lib/http/action-state";
import { inPageOnly } from "./action-form";

type Props = {
  candidateId: number;
  candidateName: string;
  current: AttendanceMark | null;
  /** The board's compact form: two buttons. The candidate page adds a reason. */
  withReason?: boolean;
};

const mark = inPageOnly(markCandidateAttendance);

const BUTTON =
  "rounded-md border px-2.5 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-60 aria-pressed:ring-2 aria-pressed:ring-offset-1";

/** Whether the candidate came: a recruiter marks it once the interview time has passed (the server checks). */
export function AttendanceControl({ candidateId, candidateName, current, withReason = false }: Props) {
  const [state, action, pending] = useActionState(mark, idle);
  return (
    <form action={action} className="flex flex-col items-start gap-1.5" aria-label={`Attendance of ${candidateName}`}>
      <input type="hidden" name="candidateId" value={candidateId} />
      {withReason && (
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
          Note (optional)
          <input
            name="reason"
            maxLength={500}
            className="w-64 max-w-full rounded-md border border-slate-300 px-2 py-1 text-sm font-normal"
          />
        </label>
      )}
      <div className="flex gap-1.5">
        <button
          type="submit"
          name="attendance"
          value="attended"
          disabled={pending}
          aria-pressed={current === "attended"}
          // The accessible name starts with the visible label (WCAG 2.5.3), then says whose.
          aria-label={`${ATTENDANCE_LABELS.attended}: ${candidateName}`}
          className={`${BUTTON} border-emerald-300 bg-emerald-50 text-emerald-800 hover:bg-emerald-100 aria-pressed:ring-emerald-500`}
        >
          {ATTENDANCE_LABELS.attended}
        </button>
        <button
          type="submit"
          name="attendance"
          value="no_show"
          disabled={pending}
          aria-pressed={current === "no_show"}
          aria-label={`${ATTENDANCE_LABELS.no_show}: ${candidateName}`}
          className={`${BUTTON} border-rose-300 bg-rose-50 text-rose-800 hover:bg-rose-100 aria-pressed:ring-rose-500`}
        >
          {ATTENDANCE_LABELS.no_show}
        </button>
      </div>
      {!pending && state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
