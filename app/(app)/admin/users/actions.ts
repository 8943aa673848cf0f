"use server";

import { getDb } from "@/db/client";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createUser, createUserInput, updateUser, updateUserInput } from "@/lib/auth/manage-users";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

export async function addUser(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "users:manage", async () => {
    const created = await createUser(getDb(), createUserInput.parse(Object.fromEntries(form)));
    revalidatePath("/admin/users");
    return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
  });
}

export async function changeUser(userId: string, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "users:manage", () => {
    const active = form.get("active");
    updateUser(
      getDb(),
      userId,
      updateUserInput.parse({ role: form.get("role") ?? undefined, active: active === null ? undefined : active === "true" }),
    );
    revalidatePath("/admin/users");
    return { ok: true };
  });
}
