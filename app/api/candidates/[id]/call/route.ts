import { getDb } from "@/db/client";
import { callNow } from "@/lib/calls/call-now";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** Asks Bolna to call the candidate now: 202 with the execution id (README, "Calls", for the errors). */
export const POST = withPermission<{ id: string }>("calls:place", async ({ params, actor }) => {
  const { executionId } = await callNow(getDb(), idParam(params.id, "Candidate"), actor);
  return Response.json({ executionId }, { status: 202 });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
