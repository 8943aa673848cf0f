import { and, asc, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { session, user, type User } from "@/db/schema";
import { ApiError, notFound } from "@/lib/http/api-error";
import { getAuth } from "./auth";
import { ROLES } from "./permissions";

export const createUserInput = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  email: z
    .email("must be an email address")
    .max(254)
    .transform((value) => value.toLowerCase()),
  password: z.string().min(10, "must be at least 10 characters").max(128),
  role: z.enum(ROLES).default("recruiter"),
});

export const updateUserInput = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((value) => value.role !== undefined || value.active !== undefined, "send role or active");

export type UserSummary = Pick<User, "id" | "name" | "email" | "role" | "banned" | "createdAt">;

export function listUsers(db: Db): UserSummary[] {
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, banned: user.banned, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.email))
    .all();
}

export async function createUser(db: Db, input: z.infer<typeof createUserInput>): Promise<UserSummary> {
  const taken = db.select({ id: user.id }).from(user).where(eq(user.email, input.email)).get();
  if (taken) throw new ApiError("conflict", `A user with the email ${input.email} already exists.`);
  // Called without request headers, the admin plugin skips its own session check: ours ran before.
  const created = await getAuth().api.createUser({ body: { ...input } });
  return { ...created.user, role: input.role, banned: false } as UserSummary;
}

/** Changes a role or (de)activates a user; the last active admin can be neither demoted nor deactivated. */
export function updateUser(db: Db, id: string, change: z.infer<typeof updateUserInput>): UserSummary {
  return db.transaction(
    (tx) => {
      const target = tx.select().from(user).where(eq(user.id, id)).get();
      if (!target) throw notFound(`User ${id}`);
      const losesAdmin = target.role === "admin" && !target.banned && (change.role === "recruiter" || change.active === false);
      if (losesAdmin) {
        const others = tx
          .select({ n: count() })
          .from(user)
          .where(and(eq(user.role, "admin"), eq(user.banned, false), ne(user.id, id)))
          .get();
        if ((others?.n ?? 0) === 0) throw new ApiError("last_admin", "Callboard needs at least one active admin.");
      }
      const next = {
        role: change.role ?? target.role,
        banned: change.active === undefined ? target.banned : !change.active,
        banReason: change.active === false ? "Deactivated by an admin" : change.active === true ? null : target.banReason,
        updatedAt: new Date(),
      };
      tx.update(user).set(next).where(eq(user.id, id)).run();
      // A deactivated user is signed out everywhere at once.
      if (next.banned) tx.delete(session).where(eq(session.userId, id)).run();
      return { ...target, ...next };
    },
    { behavior: "immediate" },
  );
}
