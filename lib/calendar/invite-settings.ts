import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { installation } from "@/db/schema";
import { env } from "@/lib/env";
import { bareAddress } from "@/lib/mail/mail-address";
import type { InviteInput } from "./interview-invite";

type Settings = Pick<InviteInput, "durationMinutes" | "appUrl" | "organizerEmail" | "uidNamespace">;

/** What every invite of this installation shares: its length, UID host and namespace, and the organizer. */
export function inviteSettings(db: Pick<Db, "select">): Settings {
  const config = env();
  const row = db.select({ uidNamespace: installation.uidNamespace }).from(installation).where(eq(installation.id, 1)).get();
  if (!row) throw new Error("the installation row is missing: the database was not migrated");
  return {
    durationMinutes: config.INTERVIEW_DURATION_MINUTES,
    appUrl: config.APP_URL,
    organizerEmail: bareAddress(config.MAIL_FROM),
    uidNamespace: row.uidNamespace,
  };
}
