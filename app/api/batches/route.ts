import { getDb } from "@/db/client";
import { batchJson, createBatch, createBatchInput, getBatch, listBatches } from "@/lib/batches/batches";
import { readJson } from "@/lib/http/read-json";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = withPermission("candidates:read", () => {
  return Response.json({ batches: listBatches(getDb()).map(batchJson) });
});

/** Starts a batch: `{candidateIds?, allPending?, concurrency? (1–20, default 3), pacingMs? (default 1000)}` → 201. */
export const POST = withPermission("calls:place", async ({ request, actor }) => {
  const input = await readJson(request, createBatchInput);
  const batch = createBatch(getDb(), input, actor);
  return Response.json({ batch: batchJson(getBatch(getDb(), batch.id)) }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
