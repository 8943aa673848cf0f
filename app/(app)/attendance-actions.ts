"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-values";
import { attendanceForm } from "@/lib/attendance/attendance-input";
import { markAttendance } from "@/lib/attendance/mark-attendance";
import { formAction } from "@/lib/http/form-action";

/** "Attended" / "No-show" from the board's "to mark" view or the candidate page. */
export const markCandidateAttendance = formAction("candidates:write", attendanceForm, (form, { actor }) => {
  const { candidateId, ...input } = form;
  const candidate = markAttendance(getDb(), candidateId, input, actor);
  revalidatePath(`/candidates/${candidateId}`);
  revalidatePath("/");
  return { ok: true, message: `${candidate.name}: ${ATTENDANCE_LABELS[input.attendance]}.` };
});
