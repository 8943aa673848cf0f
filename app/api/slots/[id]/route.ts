import { getDb } from "@/db/client";
import { idParam, withPermission } from "@/lib/http/route";
import { deleteSlot } from "@/lib/slots/manage-slots";
import { otherMethods } from "@/lib/http/other-methods";

export const DELETE = withPermission<{ id: string }>("slots:manage", ({ params }) => {
  deleteSlot(getDb(), idParam(params.id, "Interview slot"));
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
