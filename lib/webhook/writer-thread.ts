import { parentPort, workerData } from "node:worker_threads";
import { getDb } from "@/db/client";
import { GroupCommit } from "@/db/group-commit";
import { giveWayToEventLoop } from "@/db/write-turns";
import { applyAgentWrite, refusalOf, type AgentRefusal, type AgentWrite } from "@/lib/agent/agent-writes";
import { foldAnalytics } from "@/lib/analytics/fold-analytics";
import { applyDelivery } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import { parseDelivery, type Parsed } from "./parse-delivery";
import type { RawDelivery } from "./read-delivery";

/** What the thread is started with (lib/webhook/commit-delivery.ts): the event loop's count of waiting writers. */
export type WriterData = { eventLoopWriters: Int32Array };

export type WriteRequest = { id: number } & (
  { kind: "delivery"; delivery: RawDelivery } | { kind: "agent"; write: AgentWrite } | { kind: "fold" }
);
export type WriteAnswer = { id: number } & (
  | { ok: true; applied: ReturnType<typeof applyDelivery> }
  | { ok: true; written: ReturnType<typeof applyAgentWrite> }
  | { ok: true; folded: number }
  | { ok: false; refused?: Extract<Parsed, { ok: false }>["error"] | AgentRefusal }
);

/**
 * The writer: a thread of its own with its own connection, so that no write on the hot path of a call — a
 * webhook delivery's parsing, transaction and wait for the disk, an agent tool's booking, the analytics fold that
 * follows the deliveries — runs on the event loop that answers requests (lib/webhook/commit-delivery.ts starts
 * it; only plain data crosses over). Writes that arrive together share one transaction and one sync of the WAL;
 * at FULL (or EXTRA) the WAL is synced after COMMIT, before any of them is answered (db/group-commit.ts), which
 * is what FULL promises, while the next batches go on: a slow disk's sync is shared by the batches under it.
 * (Synced inside each COMMIT instead, every batch would wait for its own sync, however slow the disk.)
 */
const config = env();
const syncsItself = config.SQLITE_SYNCHRONOUS === "FULL" || config.SQLITE_SYNCHRONOUS === "EXTRA";
/**
 * Sixteen deliveries share a transaction at most: a line of fifty made an agent's write, which goes ahead of
 * them (a caller is waiting on the line), wait for all fifty. Measured with 50 connections, batches of 48 and of
 * 4 both gave fewer deliveries a second than 16.
 */
const MAX_BATCH = 16;
const { eventLoopWriters } = workerData as WriterData;
const commits = new GroupCommit(getDb, {
  maxBatch: MAX_BATCH,
  beforeBatch: () => giveWayToEventLoop(eventLoopWriters),
  ...(syncsItself ? { walFile: `${config.DATABASE_PATH}-wal` } : {}),
});
const apply = { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY };
let answers: WriteAnswer[] = [];
/** Answers go back in lists (lib/webhook/commit-delivery.ts): those settled together, after one commit, in one message. */
const answer = (message: WriteAnswer) => {
  if (answers.push(message) > 1) return;
  queueMicrotask(() => {
    parentPort!.postMessage(answers);
    answers = [];
  });
};

function failed(id: number, what: string, refusals: "agent" | "none") {
  return (failure: unknown) => {
    // A tool's refusal the agent can act on (no such call, no such slot) is an answer, not a failure. A delivery
    // that fails is answered 503 whatever the reason, so that Bolna retries it.
    if (refusals === "agent" && failure instanceof ApiError) return answer({ id, ok: false, refused: refusalOf(failure) });
    logError(`${what} could not be stored`, failure);
    answer({ id, ok: false });
  };
}

function handle(request: WriteRequest): void {
  const { id } = request;
  if (request.kind === "fold") {
    // Between batches (it yields after each of its transactions): on the event loop, each of its transactions
    // waited for the write lock this thread holds under load.
    foldAnalytics(getDb(), config.INTERVIEW_TIMEZONE).then(
      (folded) => answer({ id, ok: true, folded }),
      failed(id, "the analytics fold", "none"),
    );
    return;
  }
  if (request.kind === "agent") {
    commits
      .run((db) => applyAgentWrite(db, request.write), { urgent: true })
      .then((written) => answer({ id, ok: true, written }), failed(id, `the agent's ${request.write.kind}`, "agent"));
    return;
  }
  const parsed = parseDelivery(request.delivery);
  if (!parsed.ok) return answer({ id, ok: false, refused: parsed.error });
  commits
    .run((db) => applyDelivery(db, parsed.delivery, apply))
    .then((applied) => answer({ id, ok: true, applied }), failed(id, "webhook delivery", "none"));
}

parentPort!.on("message", (requests: WriteRequest[]) => requests.forEach(handle));
