import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { statusOverrideInput } from "@/lib/candidates/candidate-input";
import { overrideStatus } from "@/lib/candidates/manual-status";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const PUT = withPermission<{ id: string }>("candidates:override", async ({ request, params, actor }) => {
  const id = idParam(params.id, "Candidate");
  const input = await readJson(request, statusOverrideInput);
  const candidate = overrideStatus(getDb(), id, input.status, input.reason, actor);
  return Response.json({ candidate: candidateJson(candidate) });
});

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
