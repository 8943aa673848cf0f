import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { errorOf, type AgentWrite, type AgentWritten } from "@/lib/agent/agent-writes";
import type { Applied } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { apiError, ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import type { RawDelivery } from "./read-delivery";
import type { WriteAnswer, WriteRequest, WriterData } from "./writer-thread";
import { eventLoopWriters } from "@/db/write-turns";
import { threadExecArgv } from "@/lib/server/thread-exec-argv";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Committed = { ok: true; applied: Applied } | { ok: false; answer: Response };

type Waiting = (answer: WriteAnswer | null) => void;

/**
 * The build bundles the thread as an entry of its own (Turbopack follows `new Worker(new URL(…))`); run from the
 * sources (the in-process tests), it is loaded through tsx, as they are.
 */
function startThread(): Worker {
  const workerData: WriterData = { eventLoopWriters: eventLoopWriters() };
  // Turbopack keeps import.meta.url pointing at this source file: it is the Next runtime that says "built".
  if (process.env.NEXT_RUNTIME) {
    // A small heap of its own: a delivery's garbage is short-lived, and a young generation of V8's default size
    // would stay resident.
    return new Worker(new URL("./writer-thread.ts", import.meta.url), {
      execArgv: threadExecArgv(),
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 },
      workerData,
    });
  }
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), "writer-thread.ts");
  return new Worker(`require("tsx/cjs/api").require(${JSON.stringify(source)}, ${JSON.stringify(source)});`, {
    eval: true,
    workerData,
  });
}

/**
 * The writer thread (lib/webhook/writer-thread.ts) and the writes waiting for its answer. Messages go both ways
 * in lists: the writes that arrive in one turn of the event loop, the answers of one commit. A message costs
 * the event loop far more than the bytes in it: posting one and receiving one per delivery took about 0.1 ms of
 * the 1.5 ms a delivery cost it.
 */
class Writer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private outgoing: WriteRequest[] = [];
  private nextId = 0;
  gone = false;

  constructor() {
    this.worker = startThread();
    this.worker.unref();
    this.worker.on("message", (answers: WriteAnswer[]) => {
      for (const answer of answers) {
        this.waiting.get(answer.id)?.(answer);
        this.waiting.delete(answer.id);
      }
    });
    this.worker.on("error", (error) => logError("the webhook's writer thread failed", error));
    this.worker.on("exit", () => {
      this.gone = true;
      for (const answer of this.waiting.values()) answer(null);
      this.waiting.clear();
    });
  }

  write(request: DistributiveOmit<WriteRequest, "id">): Promise<WriteAnswer | null> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      // The thread's group commit waits for a turn anyway: the writes of this one go over together.
      if (this.outgoing.push({ id, ...request }) === 1) setImmediate(() => this.worker.postMessage(this.outgoing.splice(0)));
    });
  }
}

// One writer thread per process and database: Next gives each route module (/api/webhook, /webhook) and the
// start-up a copy of this module of its own, and two writers would only queue behind each other for the write lock.
const processWide = globalThis as unknown as { callboardWebhookWriters?: Map<string, Writer> };

/**
 * The writer thread for the configured database, started if it is not running. The start-up asks for it
 * (lib/server/start-up.ts), so that the first delivery does not wait for the thread to load.
 */
export function webhookWriter(): Writer {
  const writers = (processWide.callboardWebhookWriters ??= new Map());
  const file = env().DATABASE_PATH;
  let writer = writers.get(file);
  if (!writer || writer.gone) {
    writer = new Writer();
    writers.set(file, writer);
  }
  return writer;
}

/**
 * Parses the delivery, stores it and applies it to its call and candidate (lib/calls/apply-execution.ts) on the
 * writer thread; resolves once it is on disk. A body that is not an execution answers 400; a failed write (or a
 * writer that stopped) answers 503, so that Bolna retries.
 */
export async function commitDelivery(delivery: RawDelivery): Promise<Committed> {
  const answer = await webhookWriter().write({ kind: "delivery", delivery });
  if (answer?.ok && "applied" in answer) return { ok: true, applied: answer.applied };
  if (answer?.ok === false && answer.refused) return { ok: false, answer: apiError(answer.refused.code, answer.refused.message) };
  return { ok: false, answer: apiError("storage_unavailable", "The delivery could not be stored; retry later.") };
}

/**
 * Runs one of the agent tools' writes on the writer thread (lib/agent/agent-writes.ts) and resolves with its
 * result once it is on disk; a refusal (no such call, no such slot) rejects with its ApiError, a failed write or a
 * stopped writer with storage_unavailable.
 */
export async function commitAgentWrite<W extends AgentWrite>(write: W): Promise<AgentWritten<W>> {
  const answer = await webhookWriter().write({ kind: "agent", write });
  if (answer?.ok && "written" in answer) return answer.written as AgentWritten<W>;
  if (answer?.ok === false && answer.refused) throw errorOf(answer.refused);
  throw new ApiError("storage_unavailable", "The change could not be stored; retry in a moment.");
}

/**
 * Folds what the writes marked into the analytics rollups (lib/analytics/fold-analytics.ts) on the writer thread,
 * between its batches; resolves with how many candidates it folded.
 */
export async function foldAnalyticsOnWriter(): Promise<number> {
  const answer = await webhookWriter().write({ kind: "fold" });
  if (answer?.ok && "folded" in answer) return answer.folded;
  throw new Error("the writer thread could not fold the analytics (its error is logged above)");
}
