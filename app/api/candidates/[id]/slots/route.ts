import { getDb } from "@/db/client";
import { reschedulingSlotsInput } from "@/lib/candidates/candidate-input";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { setReschedulingSlots } from "@/lib/slots/manage-slots";
import { otherMethods } from "@/lib/http/other-methods";

export const PUT = withPermission<{ id: string }>("slots:manage", async ({ request, params }) => {
  const id = idParam(params.id, "Candidate");
  const { slotIds } = await readJson(request, reschedulingSlotsInput);
  setReschedulingSlots(getDb(), id, slotIds);
  return Response.json({ candidateId: id, slotIds: [...new Set(slotIds)] });
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
