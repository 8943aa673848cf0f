import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { account, user } from "@/db/schema";
import type { Role } from "./permissions";

type NewAccount = { email: string; name: string; password: string; role: Role };

/** Writes a user and its password credential the way better-auth's email+password sign-in reads them. */
async function insertUser(db: Db, person: NewAccount): Promise<void> {
  const id = crypto.randomUUID();
  const now = new Date();
  const password = await hashPassword(person.password);
  db.transaction((tx) => {
    tx.insert(user).values({ id, name: person.name, email: person.email.toLowerCase(), role: person.role, updatedAt: now }).run();
    tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password, updatedAt: now }).run();
  });
}

const exists = (db: Db, email: string) => db.select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase())).get() !== undefined;

/** ADMIN_EMAIL / ADMIN_PASSWORD become the first admin, once; later changes are made in the app. */
export async function ensureFirstAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<boolean> {
  if (!email || !password || exists(db, email)) return false;
  if (password.length < 10) throw new Error("ADMIN_PASSWORD must be at least 10 characters");
  await insertUser(db, { email, password, name: "Administrator", role: "admin" });
  return true;
}

export type DemoCredential = { email: string; password: string; role: Role };

/**
 * Demo mode only: a recruiter and an admin with random passwords, kept in a git-ignored file beside the
 * database so that `npm start` can print them on every start.
 */
export async function ensureDemoUsers(db: Db, databasePath: string): Promise<DemoCredential[]> {
  const file = path.join(path.dirname(path.resolve(databasePath)), "demo-credentials.json");
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as DemoCredential[];
  const demo: DemoCredential[] = (["recruiter", "admin"] as const).map((role) => ({
    email: `${role}@demo.callboard.test`,
    password: crypto.randomBytes(9).toString("base64url"),
    role,
  }));
  for (const person of demo) {
    if (!exists(db, person.email)) await insertUser(db, { ...person, name: `Demo ${person.role}` });
  }
  fs.writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}
