"use server";

import { getDb } from "@/db/client";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current-actor";
import { createUser, createUserInput, unlockUser, updateUser, updateUserInput } from "@/lib/auth/manage-users";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

export async function addUser(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "users:manage", async () => {
    const created = await createUser(getDb(), createUserInput.parse(Object.fromEntries(form)), actor);
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
      actor,
    );
    revalidatePath("/admin/users");
    return { ok: true };
  });
}

export async function unlock(userId: string): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "users:manage", () => {
    const person = unlockUser(getDb(), userId, actor);
    revalidatePath("/admin/users");
    return { ok: true, message: `${person.email} can sign in again from anywhere.` };
  });
}
