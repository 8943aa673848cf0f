"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { doNotCallForm } from "@/lib/candidates/candidate-input";
import { setDoNotCall } from "@/lib/candidates/do-not-call";
import { stopPendingCalls } from "@/lib/calls/stop-pending-calls";
import { formAction } from "@/lib/http/form-action";

/** "Do not call" / "Lift" on the candidate page: a recruiter sets it, an admin lifts it (checked in setDoNotCall). */
export const changeDoNotCall = formAction("candidates:write", doNotCallForm, async (form, { actor }) => {
  const db = getDb();
  const candidate = setDoNotCall(db, form.candidateId, form, actor);
  const stopped = candidate.doNotCall ? await stopPendingCalls(db, candidate.id) : { stopped: [], failed: [] };
  revalidatePath(`/candidates/${candidate.id}`);
  revalidatePath("/");
  const stops = stopped.stopped.length > 0 ? ` ${stopped.stopped.length} call(s) Bolna was still to place were stopped.` : "";
  const failures =
    stopped.failed.length > 0
      ? ` ${stopped.failed.length} pending call(s) could not be stopped yet: Callboard keeps trying.`
      : "";
  return {
    ok: true,
    message: candidate.doNotCall
      ? `${candidate.name} will not be called.${stops}${failures}`
      : `${candidate.name} may be called again.`,
  };
});
