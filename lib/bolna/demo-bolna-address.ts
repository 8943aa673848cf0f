import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { writeFileDurably } from "@/lib/server/durable-file";

/**
 * Where demo mode's built-in Bolna simulator listens, and its key. Start-up (lib/server/start-up.ts, run from
 * instrumentation.ts) starts it; route handlers, pages and server actions are separate module instances in Next,
 * and a second server may share the database, so the address is kept in a file beside the database (git-ignored
 * with it, readable by the server's user only), like `.auth-secret`.
 */
const demoBolna = z.object({ url: z.url(), apiKey: z.string().min(16), agentId: z.string().min(1) });
export type DemoBolna = z.infer<typeof demoBolna>;

const fileFor = (databasePath: string) => path.join(path.dirname(path.resolve(databasePath)), "demo-bolna.json");

export function publishDemoBolna(databasePath: string, address: DemoBolna): void {
  writeFileDurably(fileFor(databasePath), JSON.stringify(address));
}

/** The running simulator's address, or null when none was started for this database. */
export function readDemoBolna(databasePath: string): DemoBolna | null {
  try {
    const parsed = demoBolna.safeParse(JSON.parse(fs.readFileSync(fileFor(databasePath), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
