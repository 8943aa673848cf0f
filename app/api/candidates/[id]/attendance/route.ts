import { getDb } from "@/db/client";
import { attendanceInput, markAttendance } from "@/lib/attendance/mark-attendance";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** `PUT /api/candidates/{id}/attendance` `{attendance: "attended" | "no_show", reason?}` → 200, audited. */
export const PUT = withPermission<{ id: string }>("candidates:write", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Candidate");
  const input = await readJson(request, attendanceInput);
  return Response.json({ candidate: candidateJson(markAttendance(getDb(), id, input, actor)) });
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
