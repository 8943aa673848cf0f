import { and, asc, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { session, user, type User } from "@/db/schema";
import { ApiError, notFound } from "@/lib/http/api-error";
import type { Actor } from "./actor";
import { getAuth } from "./auth";
import { passwordProblem, PASSWORD_LENGTH } from "./password-policy";
import { ROLES } from "@/db/values";
import { accountLocks, unlockAccount } from "./sign-in-throttle";
import { recordUserEvent } from "./user-events";

export const createUserInput = z
  .object({
    name: z.string().trim().min(1, "is required").max(200),
    email: z
      .email("must be an email address")
      .max(254)
      .transform((value) => value.toLowerCase()),
    password: z.string().max(PASSWORD_LENGTH.max, `must be at most ${PASSWORD_LENGTH.max} characters`),
    role: z.enum(ROLES).default("recruiter"),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const updateUserInput = z
  .object({ role: z.enum(ROLES).optional(), active: z.boolean().optional() })
  .refine((value) => value.role !== undefined || value.active !== undefined, "send role or active");

export type UserSummary = Pick<User, "id" | "name" | "email" | "role" | "banned" | "createdAt"> & {
  /** Until when failed sign-ins keep this account out of at least one browser (an admin can unlock it). */
  lockedUntil: Date | null;
};

/** The fields the API and the Users page show, with the lock read from the sign-in counters. */
function summary(db: Db, person: Omit<UserSummary, "lockedUntil">, now = new Date()): UserSummary {
  const locks = accountLocks(db, person.email, now);
  const until = [locks.account, locks.someClient].filter((date): date is Date => date !== null);
  const { id, name, email, role, banned, createdAt } = person;
  return {
    id,
    name,
    email,
    role,
    banned,
    createdAt,
    lockedUntil: until.length === 0 ? null : new Date(Math.max(...until.map(Number))),
  };
}

export function listUsers(db: Db): UserSummary[] {
  const now = new Date();
  return db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, banned: user.banned, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.email))
    .all()
    .map((person) => summary(db, person, now));
}

export async function createUser(db: Db, input: z.infer<typeof createUserInput>, actor: Actor): Promise<UserSummary> {
  const taken = db.select({ id: user.id }).from(user).where(eq(user.email, input.email)).get();
  if (taken) throw new ApiError("conflict", `A user with the email ${input.email} already exists.`);
  // Called without request headers, the admin plugin skips its own session check: ours ran before.
  const created = await getAuth().api.createUser({ body: { ...input } });
  recordUserEvent(db, { kind: "created", actor: actor.label, target: created.user, detail: `as ${input.role}` });
  return summary(db, { ...created.user, role: input.role, banned: false } as Omit<UserSummary, "lockedUntil">);
}

/** Lifts every sign-in lock of a user (lib/auth/sign-in-throttle.ts), and says so in the audit trail. */
export function unlockUser(db: Db, id: string, actor: Actor): UserSummary {
  const target = db.select().from(user).where(eq(user.id, id)).get();
  if (!target) throw notFound(`User ${id}`);
  db.transaction((tx) => {
    unlockAccount(tx, target.email);
    recordUserEvent(tx, { kind: "unlocked", actor: actor.label, target });
  });
  return summary(db, target);
}

/** Changes a role or (de)activates a user; the last active admin can be neither demoted nor deactivated. */
export function updateUser(db: Db, id: string, change: z.infer<typeof updateUserInput>, actor: Actor): UserSummary {
  const updated = db.transaction(
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
      if (next.role !== target.role) {
        recordUserEvent(tx, { kind: "role_changed", actor: actor.label, target, detail: `${target.role} → ${next.role}` });
      }
      if (next.banned !== target.banned) {
        recordUserEvent(tx, { kind: next.banned ? "deactivated" : "reactivated", actor: actor.label, target });
      }
      return { ...target, ...next };
    },
    { behavior: "immediate" },
  );
  return summary(db, updated);
}
