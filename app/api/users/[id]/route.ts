import { getDb } from "@/db/client";
import { updateUser, updateUserInput } from "@/lib/auth/manage-users";
import { readJson } from "@/lib/http/read-json";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const PATCH = withPermission<{ id: string }>("users:manage", async ({ request, params, actor }) => {
  return Response.json({ user: updateUser(getDb(), params.id, await readJson(request, updateUserInput), actor) });
});

export const { GET, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
