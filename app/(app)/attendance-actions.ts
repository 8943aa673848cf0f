"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-values";
import { attendanceInput, markAttendance } from "@/lib/attendance/mark-attendance";
import { requireActor } from "@/lib/auth/current-actor";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

/** "Attended" / "No-show" from the board's "to mark" view or the candidate page (issue #15). */
export async function markCandidateAttendance(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "candidates:write", () => {
    const id = Number(form.get("candidateId"));
    if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, message: "Unknown candidate." };
    const input = attendanceInput.parse({ attendance: form.get("attendance"), reason: form.get("reason") ?? null });
    const candidate = markAttendance(getDb(), id, input, actor);
    revalidatePath(`/candidates/${id}`);
    revalidatePath("/");
    return { ok: true, message: `${candidate.name}: ${ATTENDANCE_LABELS[input.attendance]}.` };
  });
}
