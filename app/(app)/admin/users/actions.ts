"use server";

import { getDb } from "@/db/client";
import { revalidatePath } from "next/cache";
import { changeUserForm, userForm } from "@/lib/auth/auth-input";
import { createUser, createUserInput, unlockUser, updateUser, updateUserInput } from "@/lib/auth/manage-users";
import { formAction } from "@/lib/http/form-action";

export const addUser = formAction("users:manage", createUserInput, async (input, { actor }) => {
  const created = await createUser(getDb(), input, actor);
  revalidatePath("/admin/users");
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

export const changeUser = formAction("users:manage", changeUserForm, ({ userId, role, active }, { actor }) => {
  updateUser(
    getDb(),
    userId,
    updateUserInput.parse({ role, active: active === undefined ? undefined : active === "true" }),
    actor,
  );
  revalidatePath("/admin/users");
  return { ok: true };
});

export const unlock = formAction("users:manage", userForm, ({ userId }, { actor }) => {
  const person = unlockUser(getDb(), userId, actor);
  revalidatePath("/admin/users");
  return { ok: true, message: `${person.email} can sign in again from anywhere.` };
});
