import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count, eq, and, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, webhookEvents } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "../support/database";
import { LONG, callRow, eventRows, integrityCheck, seedFor } from "../support/hardening-db";
import { tempDir } from "../support/temp-database";
import { loadPayload, retarget, type Body } from "../support/payloads";
import { childPids, commandLine, pidsListeningOn } from "../support/processes";
import { startServer, type TestServer } from "../support/server";

/**
 * kill -9 of the serving process under webhook load, then a restart on the same SQLite file: every delivery that
 * was answered 2xx must be there (event stored, call applied), nothing half-applied, and the file intact. A
 * delivery that got no answer may or may not be stored; Bolna resends it and the resend must then be applied.
 */

const ROUNDS = LONG ? 6 : 1;
const CANDIDATES = 40;
const CONCURRENCY = 32;
const MAX_DELIVERIES_PER_ROUND = 20_000;
const SERVER_ENV = {
  WEBHOOK_ALLOW_LOOPBACK: "true",
  INTERVIEW_TIMEZONE: "Asia/Kolkata",
  WEBHOOK_RATE_LIMIT: "0",
  SEED_DEMO: "false",
  LOG_LEVEL: "error",
};

const TEMPLATES = [
  "02-ringing",
  "03-in-progress",
  "04-call-disconnected",
  "05-completed-confirmed",
  "06-no-answer",
  "09-completed-declined",
].map((name) => loadPayload(name));

type Sent = { id: string; text: string; hash: string; expectedStatus: string; answer: number | "no answer" };

let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

function hashOf(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

async function post(url: string, text: string): Promise<number | "no answer"> {
  try {
    const response = await fetch(`${url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
      signal: AbortSignal.timeout(15_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return "no answer";
  }
}

/** The one process that serves the port: the node running npm start's script, not a wrapper around it. */
function servingPid(target: TestServer): number {
  const port = Number(new URL(target.url).port);
  const pids = pidsListeningOn(port);
  expect(pids, `listeners of port ${port}`).toEqual([target.process.pid]);
  expect(commandLine(pids[0]!)).toMatch(/scripts\/start\.mjs/);
  return pids[0]!;
}

describe("crash safety: SIGKILL under webhook load", () => {
  it(
    `loses no acknowledged delivery across ${ROUNDS} kill -9 and restart cycle(s)`,
    async () => {
      const seed = seedFor("crash safety");
      const t0 = Date.now();
      const mark = (what: string) => console.log(`[hardening] crash: ${what} at ${Date.now() - t0} ms`);
      let random = seed;
      const next = () => {
        // xorshift32: the kill moments are reproducible from the seed.
        random ^= random << 13;
        random ^= random >>> 17;
        random ^= random << 5;
        return (random >>> 0) / 2 ** 32;
      };
      const databasePath = path.join(tempDir("crash"), "crash.db");
      server = await startServer({ ...SERVER_ENV, DATABASE_PATH: databasePath });
      let db: Db = openTestDatabase(databasePath);
      const phones = Array.from({ length: CANDIDATES }, () => insertCandidate(db).phone);
      db.$client.close();
      mark("server up, candidates inserted");

      const all: Sent[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const current = server!;
        const pid = servingPid(current);
        const helpers = childPids(pid);
        // Kill once this many deliveries were acknowledged: the load is then well under way.
        const killAfterAcks = LONG ? 100 + Math.floor(next() * 400) : 50 + Math.floor(next() * 100);
        let acked = 0;
        let killed = false;
        let sequence = 0;
        const sent: Sent[] = [];
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          current.process.once("exit", (_code, signal) => resolve(signal)),
        );

        const worker = async () => {
          while (!killed && sequence < MAX_DELIVERIES_PER_ROUND) {
            sequence += 1;
            const template = TEMPLATES[sequence % TEMPLATES.length]!;
            const body: Body = retarget(template, `crash-${seed}-${round}-${sequence}`, phones[sequence % phones.length]!);
            body.updated_at = new Date().toISOString().replace("Z", "");
            const text = JSON.stringify(body);
            const entry: Sent = {
              id: body.id,
              text,
              hash: hashOf(text),
              expectedStatus: String(template.status),
              answer: "no answer",
            };
            sent.push(entry);
            entry.answer = await post(current.url, text);
            if (typeof entry.answer === "number" && entry.answer >= 200 && entry.answer < 300) {
              acked += 1;
              if (acked >= killAfterAcks && !killed) {
                killed = true;
                process.kill(pid, "SIGKILL");
              }
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        expect(killed, `round ${round}: the load ended before the kill`).toBe(true);
        expect(await exited).toBe("SIGKILL");
        // Nothing of the old server survives it (no helper process kept serving or writing).
        for (const helper of helpers) expect(() => process.kill(helper, 0), `helper ${helper} of the killed server`).toThrow();

        const unanswered = sent.filter((entry) => entry.answer === "no answer").length;
        const refused = sent.filter((entry) => typeof entry.answer === "number" && (entry.answer < 200 || entry.answer >= 300));
        console.log(
          `[hardening] crash round ${round}: ${sent.length} sent, ${acked} acknowledged, ${unanswered} without an answer, ${refused.length} refused; killed pid ${pid} (children before the kill: ${helpers.length})`,
        );
        // Before the kill the server never refused a well-formed delivery.
        expect(refused.map((entry) => entry.answer)).toEqual([]);
        all.push(...sent);
        mark(`round ${round} killed`);

        server = await startServer({ ...SERVER_ENV, DATABASE_PATH: databasePath });
        mark(`round ${round} restarted`);
        db = openTestDatabase(databasePath);
        try {
          for (const entry of all.filter((item) => typeof item.answer === "number")) {
            const events = eventRows(db, entry.id);
            expect(
              events.map((event) => event.bodyHash),
              `events of acknowledged ${entry.id}`,
            ).toContain(entry.hash);
            expect(callRow(db, entry.id)?.status, `call of acknowledged ${entry.id}`).toBe(entry.expectedStatus);
          }
          // Atomicity: an event that says it was applied always comes with its call.
          const orphans = db
            .select({ n: count() })
            .from(webhookEvents)
            .leftJoin(calls, eq(calls.id, webhookEvents.callId))
            .where(and(eq(webhookEvents.result, "applied"), isNull(calls.id)))
            .get()!.n;
          expect(orphans).toBe(0);
        } finally {
          db.$client.close();
        }

        // Bolna resends what got no answer: each resend is applied (or recognised as a duplicate of a stored one).
        for (const entry of sent.filter((item) => item.answer === "no answer")) {
          const status = await post(server.url, entry.text);
          expect(status, `resend of ${entry.id}`).toBe(200);
          entry.answer = status;
        }
      }

      mark("checks and resends done");
      await server!.stop();
      mark("stopped");
      expect(integrityCheck(databasePath)).toBe("ok");
      db = openTestDatabase(databasePath);
      try {
        for (const entry of all) expect(callRow(db, entry.id)?.status, entry.id).toBe(entry.expectedStatus);
      } finally {
        db.$client.close();
      }
      fs.rmSync(path.dirname(databasePath), { recursive: true, force: true });
    },
    LONG ? 900_000 : 180_000,
  );
});
