import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, signIn, startApiServer } from "../support/auth-client";
import { openTestDatabase } from "../support/database";
import { LONG, callRow, eventRows, integrityCheck } from "../support/hardening-db";
import { tempDir } from "../support/temp-database";
import { loadPayload, retarget } from "../support/payloads";
import type { TestServer } from "../support/server";
import { verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { account, user } from "@/db/schema";
import { authSecret } from "@/lib/auth/auth-secret";
import { ensureDemoUsers } from "@/lib/auth/bootstrap-users";
import { env } from "@/lib/env";
import {
  createExt4Loop,
  destroyExt4Loop,
  ext4LoopUnavailable,
  fillDisk,
  holdWalLocks,
  mountTmpfs,
  pythonUnavailable,
  removeTmpfs,
  repairExt4,
  tmpfsUnavailable,
  triggerExt4Error,
  type Ext4Loop,
} from "../support/storage-faults";

/**
 * The database's storage fails under a running server. While it does, a webhook must never be acknowledged
 * (Bolna would not resend it) and must be answered 503 `storage_unavailable` (Bolna retries non-2xx); once the
 * storage is back, deliveries are accepted again and nothing acknowledged before or after is missing. The board
 * must show an error state, not a blank page.
 */

const DEMO_PHONE = "+919800000101";

const TMPFS_REASON = tmpfsUnavailable(path.join(tempDir("probe"), "mnt"));
const EXT4_REASON = ext4LoopUnavailable();
const PYTHON_REASON = pythonUnavailable();
for (const [fault, reason] of [
  ["disk full", TMPFS_REASON],
  ["read-only filesystem", EXT4_REASON],
  ["locked database", PYTHON_REASON],
] as const) {
  if (reason) console.warn(`[hardening] storage faults: skipping "${fault}": ${reason}`);
}

type Delivery = { id: string; text: string; hash: string };
type Answer = { status: number; code: string | undefined; ms: number };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.warn("[hardening] storage faults: cleanup failed", error);
    }
  }
});

function deliveries(tag: string, n: number, padding = 0): Delivery[] {
  return Array.from({ length: n }, (_, index) => {
    const body = retarget(
      loadPayload(index % 2 === 0 ? "02-ringing" : "05-completed-confirmed"),
      `${tag}-${index}-${crypto.randomUUID()}`,
      DEMO_PHONE,
    );
    // Some padding makes every delivery need fresh pages in the WAL.
    if (padding > 0) body.notes_padding = "p".repeat(padding);
    const text = JSON.stringify(body);
    return { id: body.id, text, hash: crypto.createHash("sha256").update(text).digest("hex") };
  });
}

async function post(server: TestServer, delivery: Delivery): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${server.url}/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: delivery.text,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.status, code, ms: Date.now() - started };
}

async function postAll(server: TestServer, list: Delivery[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const delivery of list) answers.push(await post(server, delivery));
  return answers;
}

type Board = { status: number; errorState: boolean; board: boolean; length: number; ms: number; excerpt: string };

/** The visible text of a page, roughly: enough to say what a person would see. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The signed-in board, as a browser first receives it. */
async function board(server: TestServer, cookie: string): Promise<Board> {
  const started = Date.now();
  const response = await fetch(`${server.url}/`, {
    headers: { cookie },
    redirect: "manual",
    signal: AbortSignal.timeout(240_000),
  });
  const html = await response.text();
  return {
    status: response.status,
    errorState: /cannot read its data/i.test(html),
    board: /Candidates/.test(html) && /Asha Verma/.test(html),
    length: html.length,
    ms: Date.now() - started,
    excerpt: visibleText(html).slice(0, 300),
  };
}

async function health(server: TestServer): Promise<number> {
  return (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(60_000) })).status;
}

/** Every acknowledged delivery is stored (same body) and applied to its call. */
function expectAllStored(databasePath: string, acknowledged: Delivery[]) {
  const db = openTestDatabase(databasePath);
  try {
    for (const delivery of acknowledged) {
      expect(
        eventRows(db, delivery.id).map((event) => event.bodyHash),
        `stored events of ${delivery.id}`,
      ).toContain(delivery.hash);
      expect(callRow(db, delivery.id), `call of ${delivery.id}`).toBeDefined();
    }
  } finally {
    db.$client.close();
  }
}

function report(fault: string, details: Record<string, unknown>) {
  console.log(`[hardening] storage fault "${fault}": ${JSON.stringify(details)}`);
}

describe("storage faults under a running server", () => {
  // One server for the disk-full and the locked-database cases: its database sits on a small tmpfs when one can be
  // mounted (for the disk-full case), else in a plain temporary folder.
  describe("on a small filesystem of its own", () => {
    let server: TestServer;
    let databasePath: string;
    let dir: string;
    let cookie: string;
    let release: (() => Promise<void>) | undefined;
    const acknowledged: Delivery[] = [];

    beforeAll(async () => {
      dir = path.join(tempDir("faults"), "mnt");
      if (TMPFS_REASON === null) {
        mountTmpfs(dir, 24 * 1024 * 1024);
        cleanups.push(() => removeTmpfs(dir));
      } else {
        fs.mkdirSync(dir, { recursive: true });
      }
      databasePath = path.join(dir, "callboard.db");
      server = await startApiServer({ DATABASE_PATH: databasePath, WEBHOOK_RATE_LIMIT: "0" });
      cleanups.push(() => server.stop());
      cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
      const before = deliveries("before", 10);
      expect((await postAll(server, before)).map((answer) => answer.status)).toEqual(before.map(() => 200));
      acknowledged.push(...before);
      expect((await board(server, cookie)).board).toBe(true);
    });

    afterEach(async () => {
      await release?.();
      release = undefined;
    });

    afterAll(async () => {
      await server?.stop();
      if (!databasePath) return;
      // Every acknowledged delivery is in the file once the server is gone (the crash test covers restarts).
      expect(integrityCheck(databasePath)).toBe("ok");
      expectAllStored(databasePath, acknowledged);
    });

    it.skipIf(TMPFS_REASON !== null)(
      "disk full: refuses with 503 storage_unavailable while full, accepts again once space is back, loses nothing",
      async () => {
        // A checkpointed WAL is reused in place, so on a full disk a few deliveries would still fit into space
        // the file already holds (durably: those 2xx would be true). Truncating it first makes every delivery
        // need new space, which is the fault under test.
        const connection = openTestDatabase(databasePath);
        connection.$client.pragma("wal_checkpoint(TRUNCATE)");
        connection.$client.close();
        const filler = fillDisk(dir);
        let answers: Answer[];
        let boardDuring: Board;
        let healthDuring: number;
        let readyDuring: { status: number; body: { error?: { code?: string }; checks?: { disk?: { ok?: boolean } } } };
        let liveDuring: number;
        const during = deliveries("full-during", 6, 20_000);
        try {
          answers = await postAll(server, during);
          boardDuring = await board(server, cookie);
          // Readiness is worked out at most once a second: the next answer is about the full disk.
          await new Promise((resolve) => setTimeout(resolve, 1_100));
          healthDuring = await health(server);
          const ready = await fetch(`${server.url}/api/health/ready`, { signal: AbortSignal.timeout(60_000) });
          readyDuring = { status: ready.status, body: (await ready.json()) as typeof readyDuring.body };
          liveDuring = (await fetch(`${server.url}/api/health/live`, { signal: AbortSignal.timeout(60_000) })).status;
        } finally {
          fs.rmSync(filler);
        }
        report("disk full", { answers, boardDuring, healthDuring, readyDuring, liveDuring });
        // Health tells the truth: not ready while nothing can be written (it once said 200 while sign-in failed).
        expect(healthDuring).toBe(503);
        expect(readyDuring.status).toBe(503);
        expect(readyDuring.body).toMatchObject({ error: { code: "storage_unavailable" }, checks: { disk: { ok: false } } });
        expect(liveDuring).toBe(200);
        expect(
          answers.filter((answer) => answer.status < 300),
          "acknowledged while the disk was full",
        ).toEqual([]);
        expect(answers.map((answer) => [answer.status, answer.code])).toEqual(during.map(() => [503, "storage_unavailable"]));
        // Reading still works on a full disk: the board must render (data or the error state), never a blank page.
        expect(boardDuring.board || boardDuring.errorState, `board while full: ${JSON.stringify(boardDuring)}`).toBe(true);

        // Space is back. Bolna retries what was refused: now it is accepted, and so is what comes next.
        const retried = await postAll(server, during);
        expect(retried.map((answer) => answer.status)).toEqual(during.map(() => 200));
        acknowledged.push(...during);
        const after = deliveries("full-after", 5);
        expect((await postAll(server, after)).map((answer) => answer.status)).toEqual(after.map(() => 200));
        acknowledged.push(...after);
        expect((await board(server, cookie)).board).toBe(true);
        await expect.poll(() => health(server), { timeout: 10_000 }).toBe(200);
        expectAllStored(databasePath, acknowledged);
      },
      120_000,
    );

    describe.skipIf(PYTHON_REASON !== null)("locked database (another process holds every WAL lock of the file)", () => {
      // The contract promises 200 only "when the database answers": a monitor watching it must not see a healthy
      // server while every webhook is refused with 503 (a bare `select 1` never touched the file).
      it("answers /api/health with 503 while the database cannot be read", async () => {
        release = await holdWalLocks(databasePath);
        // Readiness is worked out at most once a second: the next answer is about the locked file.
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const started = Date.now();
        const status = await health(server);
        report("locked database", { health: status, ms: Date.now() - started });
        expect(status).toBe(503);
      });

      // Each database statement waits out SQLite's WAL lock protocol (about 10 s, whatever busy_timeout says) on
      // the server's only thread: one webhook takes tens of seconds, the board minutes. Long mode only.
      it.runIf(LONG)(
        "refuses webhooks with 503 and shows the board's error state, then recovers",
        async () => {
          release = await holdWalLocks(databasePath);
          const during = deliveries("lock-during", 1);
          // One at a time: the server is single-threaded and every database call waits out the lock protocol.
          const answers = await postAll(server, during);
          const healthDuring = await health(server);
          const boardDuring = await board(server, cookie);
          await release();
          release = undefined;
          report("locked database", { answers, healthDuring, boardDuring });
          expect(answers.map((answer) => [answer.status, answer.code])).toEqual(during.map(() => [503, "storage_unavailable"]));
          expect(boardDuring.status, `board while locked: ${JSON.stringify(boardDuring)}`).toBeGreaterThanOrEqual(500);

          const retried = await postAll(server, during);
          expect(retried.map((answer) => answer.status)).toEqual(during.map(() => 200));
          acknowledged.push(...during);
          expect((await board(server, cookie)).board).toBe(true);
        },
        600_000,
      );
    });
  });

  it.skipIf(EXT4_REASON !== null)(
    "read-only filesystem (ext4 errors=remount-ro): refuses with 503 until repaired, loses nothing acknowledged",
    async () => {
      const loop: Ext4Loop = createExt4Loop(tempDir("readonly"), 64);
      cleanups.push(() => destroyExt4Loop(loop));
      const databasePath = path.join(loop.mountDir, "callboard.db");
      let server = await startApiServer({ DATABASE_PATH: databasePath, WEBHOOK_RATE_LIMIT: "0" });
      cleanups.push(() => server.stop());
      const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);

      const before = deliveries("ro-before", 10);
      expect((await postAll(server, before)).map((answer) => answer.status)).toEqual(before.map(() => 200));

      triggerExt4Error(loop);
      const during = deliveries("ro-during", 5);
      const answers = await postAll(server, during);
      const boardDuring = await board(server, cookie);
      const healthDuring = await health(server);
      report("read-only filesystem", { answers, boardDuring, healthDuring });
      expect(
        answers.filter((answer) => answer.status < 300),
        "acknowledged while read-only",
      ).toEqual([]);
      expect(answers.map((answer) => [answer.status, answer.code])).toEqual(during.map(() => [503, "storage_unavailable"]));
      expect(boardDuring.board || boardDuring.errorState, `board while read-only: ${JSON.stringify(boardDuring)}`).toBe(true);

      // The administrator's repair: stop, fsck, mount read-write, start again.
      await server.stop();
      report("read-only filesystem", { repair: repairExt4(loop) });
      expect(integrityCheck(databasePath)).toBe("ok");
      expectAllStored(databasePath, before);
      const sideFiles = fs
        .readdirSync(loop.mountDir)
        .map((name) => `${name}: ${fs.statSync(path.join(loop.mountDir, name)).size} bytes`);
      report("read-only filesystem", { afterRepair: sideFiles });
      // The files the app keeps beside the database are written durably (lib/server/durable-file.ts): they come back
      // whole (plain writeFileSync left them with 0 bytes here), so the restart needs no operator clean-up.
      for (const name of ["demo-credentials.json", ".auth-secret"]) {
        expect(fs.statSync(path.join(loop.mountDir, name)).size, `${name} after the repair`).toBeGreaterThan(0);
      }
      server = await startApiServer({ DATABASE_PATH: databasePath, WEBHOOK_RATE_LIMIT: "0" });
      const retried = await postAll(server, during);
      expect(retried.map((answer) => answer.status)).toEqual(during.map(() => 200));
      await server.stop();
      expect(integrityCheck(databasePath)).toBe("ok");
      expectAllStored(databasePath, [...before, ...during]);
    },
    180_000,
  );
});

describe("files beside the database after a crash or a filesystem error", () => {
  // Both are now written durably (lib/server/durable-file.ts), but a file left empty by an older version after a
  // filesystem error or a power loss must not stop a demo-mode server from starting or signing anyone in. These
  // proofs run in process (no server) to stay fast.

  const credentialsDir = tempDir("empty-credentials");
  const secretDir = tempDir("empty-secret");
  let db: ReturnType<typeof openTestDatabase>;

  // Setup outside the test bodies, so that only the behaviour under test can make them fail.
  beforeAll(() => {
    fs.writeFileSync(path.join(credentialsDir, "demo-credentials.json"), "");
    db = openTestDatabase(path.join(credentialsDir, "callboard.db"));
    fs.writeFileSync(path.join(secretDir, ".auth-secret"), "");
    process.env.DATABASE_PATH = path.join(secretDir, "callboard.db");
    delete process.env.AUTH_SECRET;
    // env() is read once per process: it must see this folder, or authSecret() would touch another one.
    if (env().DATABASE_PATH !== process.env.DATABASE_PATH) throw new Error(`env() was read before: ${env().DATABASE_PATH}`);
  });

  afterAll(() => {
    db?.$client.close();
    for (const dir of [credentialsDir, secretDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  // An empty demo-credentials.json made ensureDemoUsers throw "Unexpected end of JSON input", so `npm start`
  // exited 1 until someone deleted the file.
  it("starts (ensureDemoUsers succeeds) when demo-credentials.json beside the database is empty", async () => {
    const demo = await ensureDemoUsers(db, path.join(credentialsDir, "callboard.db"));
    expect(demo.map((user) => user.role).sort()).toEqual(["admin", "recruiter"]);
  });

  it("gives existing demo users the new file's passwords, so that what `npm start` prints signs in", async () => {
    const databasePath = path.join(credentialsDir, "callboard.db");
    const before = await ensureDemoUsers(db, databasePath);
    expect(await ensureDemoUsers(db, databasePath)).toEqual(before);
    fs.writeFileSync(path.join(credentialsDir, "demo-credentials.json"), "");
    const after = await ensureDemoUsers(db, databasePath);
    expect(after.map((person) => person.password)).not.toEqual(before.map((person) => person.password));
    for (const person of after) {
      const row = db
        .select({ hash: account.password })
        .from(account)
        .innerJoin(user, eq(user.id, account.userId))
        .where(eq(user.email, person.email))
        .get();
      expect(await verifyPassword({ hash: row!.hash!, password: person.password }), person.email).toBe(true);
    }
  });

  // An empty .auth-secret made authSecret() return "": better-auth then fell back to its built-in default secret
  // and refused it in production, so every sign-in answered 500.
  it("keeps a usable session secret when .auth-secret beside the database is empty", () => {
    const secret = authSecret();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(authSecret()).toBe(secret);
    expect(fs.readFileSync(path.join(secretDir, ".auth-secret"), "utf8")).toBe(secret);
  });
});
