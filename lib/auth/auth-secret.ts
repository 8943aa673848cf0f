import crypto from "node:crypto";
import path from "node:path";
import { env } from "@/lib/env";
import { keptOrCreated } from "@/lib/server/durable-file";

// better-auth refuses (in production) to sign with anything shorter, falling back to its public default.
const MIN_LENGTH = 32;

/**
 * AUTH_SECRET, or in demo mode a random one kept beside the database (git-ignored), so that a newcomer's
 * `npm start` needs no setup and sessions survive a restart. A file a crash left empty gets a new secret (its
 * sessions were lost with it anyway). Production without demo mode requires the variable (lib/env.ts refuses to
 * start otherwise).
 */
export function authSecret(): string {
  const config = env();
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  const file = path.join(path.dirname(path.resolve(config.DATABASE_PATH)), ".auth-secret");
  return keptOrCreated(
    file,
    (text) => (text.trim().length >= MIN_LENGTH ? text.trim() : null),
    () => crypto.randomBytes(32).toString("hex"),
  ).value;
}
