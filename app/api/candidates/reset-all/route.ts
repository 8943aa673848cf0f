import { getDb } from "@/db/client";
import { resetInput } from "@/lib/candidates/candidate-input";
import { resetAllCandidates } from "@/lib/candidates/manual-status";
import { readOptionalJson } from "@/lib/http/read-json";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = withPermission("candidates:reset", async ({ request, actor }) => {
  const input = await readOptionalJson(request, resetInput);
  return Response.json({ reset: resetAllCandidates(getDb(), input.reason, actor) });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
