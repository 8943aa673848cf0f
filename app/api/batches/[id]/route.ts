import { getDb } from "@/db/client";
import { batchJson, getBatch } from "@/lib/batches/batches";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = withPermission<{ id: string }>("candidates:read", ({ params }) => {
  return Response.json({ batch: batchJson(getBatch(getDb(), idParam(params.id, "Batch"))) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
