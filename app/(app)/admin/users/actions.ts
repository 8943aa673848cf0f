"use server";

import { getDb } from "@/db/client";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, createUserInput, updateUser, updateUserInput } from "@/lib/auth/manage-users";
import { formAction } from "@/lib/http/form-action";

export const addUser = formAction("users:manage", createUserInput, async (input) => {
  const created = await createUser(getDb(), input);
  revalidatePath("/admin/users");
  return { ok: true, message: `${created.email} can now sign in as ${created.role}.` };
});

const changeUserInput = z.object({
  userId: z.string().min(1).max(100),
  role: z.string().optional(),
  active: z.enum(["true", "false"]).optional(),
});

export const changeUser = formAction("users:manage", changeUserInput, ({ userId, role, active }) => {
  updateUser(getDb(), userId, updateUserInput.parse({ role, active: active === undefined ? undefined : active === "true" }));
  revalidatePath("/admin/users");
  return { ok: true };
});
