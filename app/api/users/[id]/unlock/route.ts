import { getDb } from "@/db/client";
import { unlockUser } from "@/lib/auth/manage-users";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** `POST /api/users/{id}/unlock`: lifts every sign-in lock of the user (audited). */
export const POST = withPermission<{ id: string }>("users:manage", ({ params, actor }) =>
  Response.json({ user: unlockUser(getDb(), params.id, actor) }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
