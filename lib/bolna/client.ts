import { z } from "zod";
import { formatWithOffset } from "@/lib/time/calling-hours";
import { badResponse, errorFromException, errorFromResponse } from "./bolna-errors";
import type { RetryConfig } from "@/db/values";
import { mayHaveActed, retryDelayMs, shouldRetry, type FailedAttempt } from "./retry-policy";

export type BolnaClientOptions = {
  baseUrl: string;
  apiKey: string;
  agentId: string;
  /** The caller id Bolna dials from; Bolna picks the agent's number when absent. */
  fromNumber?: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Retries after the first attempt, for failures that are safe to repeat. */
  maxRetries?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
};

type PlaceCallInput = {
  /** E.164, e.g. +919876543210. */
  recipientPhone: string;
  /** The variables the agent prompt reads (reference §1). */
  userData: Record<string, unknown>;
  scheduledAt?: Date;
  /** The zone scheduled_at is written in (the candidate's); UTC when absent. */
  zone?: string;
  /** Bolna's auto-retry (reference §7); absent or null: Bolna does not retry. */
  retryConfig?: RetryConfig | null;
};

type CallAck = { executionId: string; status: string };

type Reply = { status: number; text: string };

/** An execution as Bolna returned it: the parsed object and the exact text, which the webhook pipeline hashes. */
type FetchedExecution = { execution: Record<string, unknown>; rawText: string };

/** One page of the agent's executions list (reference §8): trimmed rows, newest first. */
type ExecutionsPage = { hasMore: boolean; total: number | null; rows: Record<string, unknown>[] };

type ListExecutionsInput = { pageNumber: number; pageSize: number; from: Date; to: Date };

export type BolnaClient = {
  placeCall(input: PlaceCallInput): Promise<CallAck>;
  /** Stops a call that is still queued or scheduled. */
  stopCall(executionId: string): Promise<CallAck>;
  getExecution(executionId: string): Promise<FetchedExecution>;
  /** `GET /v2/agent/{agent_id}/executions` for this client's agent, created between `from` and `to`. */
  listExecutions(input: ListExecutionsInput): Promise<ExecutionsPage>;
};

const callAck = z
  .object({ message: z.string().optional(), status: z.string(), execution_id: z.string().min(1) })
  .transform((ack): CallAck => ({ executionId: ack.execution_id, status: ack.status }));

const executionObject = z.record(z.string(), z.unknown());

const executionsPage = z
  .looseObject({
    has_more: z.boolean().optional(),
    total: z.number().int().nonnegative().optional(),
    data: z.array(z.record(z.string(), z.unknown())).max(1000),
  })
  .transform((page): ExecutionsPage => ({ hasMore: page.has_more ?? false, total: page.total ?? null, rows: page.data }));

/** ISO 8601 with a numeric offset (`+05:30`, `+00:00`): Bolna rejects the trailing `Z` that `toISOString` writes. */
export function formatScheduledAt(at: Date, zone = "UTC"): string {
  return formatWithOffset(at, zone);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBolnaClient({
  baseUrl,
  apiKey,
  agentId,
  fromNumber,
  timeoutMs = 10_000,
  maxRetries = 3,
  fetch = globalThis.fetch,
  sleep = defaultSleep,
}: BolnaClientOptions): BolnaClient {
  const root = baseUrl.replace(/\/+$/, "");

  async function attempt(method: string, path: string, body: unknown): Promise<Reply | { failed: FailedAttempt }> {
    try {
      const response = await fetch(`${root}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (response.ok) return { status: response.status, text };
      return {
        failed: { kind: "response", status: response.status, text, retryAfter: response.headers.get("retry-after") },
      };
    } catch (error) {
      return { failed: { kind: "exception", error } };
    }
  }

  /** Sends with retries; `idempotent: false` marks POST /call, which only repeats when no call can exist. */
  async function send(method: string, path: string, body: unknown, idempotent: boolean): Promise<Reply> {
    for (let attempts = 0; ; attempts++) {
      const result = await attempt(method, path, body);
      if (!("failed" in result)) return result;
      const { failed } = result;
      const delay = attempts < maxRetries && shouldRetry(failed, idempotent) ? retryDelayMs(failed, attempts) : null;
      if (delay === null) {
        const mayHavePlacedCall = !idempotent && mayHaveActed(failed);
        throw failed.kind === "response"
          ? errorFromResponse(failed.status, failed.text, mayHavePlacedCall)
          : errorFromException(failed.error, mayHavePlacedCall);
      }
      await sleep(delay);
    }
  }

  function readJson<T>(reply: Reply, schema: z.ZodType<T>, mayHavePlacedCall: boolean): T {
    let json: unknown;
    try {
      json = JSON.parse(reply.text);
    } catch {
      throw badResponse(reply.status, `not JSON: ${reply.text.slice(0, 200)}`, mayHavePlacedCall);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw badResponse(reply.status, z.prettifyError(parsed.error), mayHavePlacedCall);
    return parsed.data;
  }

  return {
    async placeCall({ recipientPhone, userData, scheduledAt, zone, retryConfig }) {
      const reply = await send(
        "POST",
        "/call",
        {
          agent_id: agentId,
          recipient_phone_number: recipientPhone,
          from_phone_number: fromNumber,
          user_data: userData,
          scheduled_at: scheduledAt && formatScheduledAt(scheduledAt, zone),
          retry_config: retryConfig ?? undefined,
        },
        false,
      );
      // Bolna answered 2xx, so a call exists even if the reply cannot be read.
      return readJson(reply, callAck, true);
    },
    async stopCall(executionId) {
      return readJson(await send("POST", `/call/${encodeURIComponent(executionId)}/stop`, undefined, true), callAck, false);
    },
    async listExecutions({ pageNumber, pageSize, from, to }) {
      const query = new URLSearchParams({
        page_number: String(pageNumber),
        page_size: String(pageSize),
        // Written to the second: `to` is rounded up, so nothing created in its last second is left out.
        from: formatWithOffset(from, "UTC"),
        to: formatWithOffset(new Date(Math.ceil(to.getTime() / 1000) * 1000), "UTC"),
      });
      const reply = await send("GET", `/v2/agent/${encodeURIComponent(agentId)}/executions?${query}`, undefined, true);
      return readJson(reply, executionsPage, false);
    },
    async getExecution(executionId) {
      const reply = await send("GET", `/executions/${encodeURIComponent(executionId)}`, undefined, true);
      return { execution: readJson(reply, executionObject, false), rawText: reply.text };
    },
  };
}
