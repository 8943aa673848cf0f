import crypto from "node:crypto";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { account, user } from "@/db/schema";
import { keptOrCreated } from "@/lib/server/durable-file";
import { passwordProblem } from "./password-policy";
import { ROLES, type Role } from "@/db/values";

type NewAccount = { email: string; name: string; password: string; role: Role };

/** Writes a user and its password credential the way better-auth's email+password sign-in reads them. */
async function insertUser(db: Db, person: NewAccount): Promise<void> {
  const id = crypto.randomUUID();
  const now = new Date();
  const password = await hashPassword(person.password);
  db.transaction((tx) => {
    tx.insert(user).values({ id, name: person.name, email: person.email.toLowerCase(), role: person.role, updatedAt: now }).run();
    tx.insert(account)
      .values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password, updatedAt: now })
      .run();
  });
}

const userId = (db: Db, email: string) =>
  db.select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase())).get()?.id;

/** ADMIN_EMAIL / ADMIN_PASSWORD become the first admin, once; later changes are made in the app. */
export async function ensureFirstAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password || userId(db, email) !== undefined) return false;
  const problem = passwordProblem(password, { email, name: "Administrator" });
  if (problem) throw new Error(`ADMIN_PASSWORD is refused: ${problem}`);
  await insertUser(db, { email, password, name: "Administrator", role: "admin" });
  return true;
}

/** 12 random characters (72 bits); drawn again in the rare case the password policy would call it guessable. */
function randomPassword(email: string): string {
  for (;;) {
    const password = crypto.randomBytes(9).toString("base64url");
    if (passwordProblem(password, { email }) === null) return password;
  }
}

const demoCredentials = z.array(z.object({ email: z.email(), password: z.string().min(1), role: z.enum(ROLES) })).min(1);
export type DemoCredential = z.infer<typeof demoCredentials>[number];

function parseDemoCredentials(text: string): DemoCredential[] | null {
  try {
    const parsed = demoCredentials.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Demo mode only: a recruiter and an admin with random passwords, kept in a git-ignored file beside the
 * database so that `npm start` can print them on every start. When that file is new (first start, or a crash
 * left the old one empty) existing demo users get its passwords, so that what is printed always signs in.
 */
export async function ensureDemoUsers(db: Db, databasePath: string): Promise<DemoCredential[]> {
  const file = path.join(path.dirname(path.resolve(databasePath)), "demo-credentials.json");
  const { value: demo, created } = keptOrCreated(file, parseDemoCredentials, () =>
    JSON.stringify(
      ROLES.map((role) => ({
        email: `${role}@demo.callboard.test`,
        password: randomPassword(`${role}@demo.callboard.test`),
        role,
      })),
      null,
      2,
    ),
  );
  for (const person of demo) {
    const existing = userId(db, person.email);
    if (existing === undefined) await insertUser(db, { ...person, name: `Demo ${person.role}` });
    else if (created) {
      const password = await hashPassword(person.password);
      db.update(account)
        .set({ password, updatedAt: new Date() })
        .where(and(eq(account.userId, existing), eq(account.providerId, "credential")))
        .run();
    }
  }
  return demo;
}
