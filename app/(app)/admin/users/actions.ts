"use server";

import { getDb } from "@/db/client";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, createUserInput, unlockUser, updateUser, updateUserInput } from "@/lib/auth/manage-users";
import { formAction } from "@/lib/http/form-action";

export const addUser = formAction("users:manage", createUserInput, async (input, { actor }) => {
  const created = await createUser(getDb(), input, actor);
  revalidatePath("/admin/users");
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

const userId = z.string().min(1).max(100);

const changeUserInput = z.object({
  userId,
  role: z.string().optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const changeUser = formAction("users:manage", changeUserInput, ({ userId, role, active }, { actor }) => {
  updateUser(
    getDb(),
    userId,
    updateUserInput.parse({ role, active: active === undefined ? undefined : active === "true" }),
    actor,
  );
  revalidatePath("/admin/users");
  return { ok: true };
});

export const unlock = formAction("users:manage", z.object({ userId }), ({ userId }, { actor }) => {
  const person = unlockUser(getDb(), userId, actor);
  revalidatePath("/admin/users");
  return { ok: true, message: `${person.email} can sign in again from anywhere.` };
});
