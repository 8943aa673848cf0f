import { getDb } from "@/db/client";
import { batchJson, cancelBatch, getBatch } from "@/lib/batches/batches";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** Cancels the queued items of a running batch (calls already placed run to their end): 200, or 409 when not running. */
export const POST = withPermission<{ id: string }>("calls:place", ({ params }) => {
  const id = idParam(params.id, "Batch");
  cancelBatch(getDb(), id);
  return Response.json({ batch: batchJson(getBatch(getDb(), id)) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
