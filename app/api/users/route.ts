import { getDb } from "@/db/client";
import { createUser, createUserInput, listUsers } from "@/lib/auth/manage-users";
import { readJson } from "@/lib/http/read-json";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = withPermission("users:manage", () => Response.json({ users: listUsers(getDb()) }));

export const POST = withPermission("users:manage", async ({ request, actor }) => {
  const created = await createUser(getDb(), await readJson(request, createUserInput), actor);
  return Response.json({ user: created }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
