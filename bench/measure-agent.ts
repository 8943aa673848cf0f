import crypto from "node:crypto";
import http from "node:http";
import { percentile, request, round } from "./http";
import { runLoad, type LoadResult } from "./load";
import type { Row } from "./report";
import { identityOf } from "./seed-large";
import { AGENT_TOOL_TOKEN } from "./server";

/** The agent's tools answer a caller who is waiting on the line. */
const AGENT_P99_TARGET_MS = 300;
/** Calls mapped for the tools through the caller look-up, as an inbound call's look-up maps them. */
const CALLS = 40;

type Figures = { count: number; p50: number; p99: number; max: number };

export type AgentResult = {
  requests: number;
  /** Answers other than the tools' own (200, and 409 for a slot taken meanwhile). */
  errors: number;
  firstErrors: string[];
  latencyMs: Figures;
  perTool: Record<string, Figures>;
  largestAnswerBytes: number;
  /** The webhook load the tools were measured under. */
  underLoad: Pick<LoadResult, "connections" | "durationS" | "reqPerSec" | "non2xx">;
};

/** The webhook load's connections, as in the bench's own webhook phase. */
const CONNECTIONS = 50;

const figures = (times: number[]): Figures => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
  };
};

/**
 * The agent endpoints under the webhook load: while 50 clients post webhooks for the load's seconds, one
 * client plays Bolna's side of calls in a loop — the caller look-up, then the slots, then a booking — and every
 * answer's time is kept. The tools are the waiting caller's, so their p99 is judged against 300 ms.
 */
export async function measureAgent(
  baseUrl: string,
  size: { candidates: number; loadS: number },
  nextBody: () => string,
  log: (message: string) => void,
  warnings: string[],
): Promise<AgentResult> {
  const options = { baseUrl, candidates: size.candidates, loadS: size.loadS, connections: CONNECTIONS, nextBody, log, warnings };
  const auth = { authorization: `Bearer ${AGENT_TOOL_TOKEN}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: Record<string, number[]> = { caller: [], slots: [], book: [] };
  const firstErrors: string[] = [];
  let errors = 0;
  let largest = 0;
  const call = async (tool: string, path: string, body?: unknown) => {
    const answer = await request(`${options.baseUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? auth : { ...auth, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      agent,
      timeoutMs: 10_000,
    });
    times[tool]!.push(answer.totalMs);
    largest = Math.max(largest, answer.body.length);
    if (answer.status !== 200 && answer.status !== 409) {
      errors++;
      if (firstErrors.length < 3) firstErrors.push(`${tool} ${answer.status} ${answer.body.toString("utf8").slice(0, 200)}`);
    }
    return answer;
  };

  // Warm-up: the first request to each route loads its module; a caller would hear that once per server start.
  const warm = crypto.randomUUID();
  await call("caller", `/api/agent/caller?contact_number=${encodeURIComponent(identityOf(1).phone)}&execution_id=${warm}`);
  await call("slots", `/api/agent/slots?execution_id=${warm}`);
  await call("book", "/api/agent/book", { execution_id: warm, slot_id: 1 });
  for (const list of Object.values(times)) list.length = 0;
  errors = 0;
  firstErrors.length = 0;

  options.log(`agent tools: ${CALLS} calls in a loop under ${options.connections} webhook connections, ${options.loadS} s`);
  let loading = true;
  const load = runLoad({
    label: "webhook (agent phase)",
    baseUrl: options.baseUrl,
    path: "/api/webhook",
    connections: options.connections,
    durationS: options.loadS,
    maxRequests: options.loadS * 20_000,
    nextBody: options.nextBody,
  }).finally(() => (loading = false));
  for (let i = 0; loading; i = (i + 1) % CALLS) {
    const executionId = crypto.randomUUID();
    const phone = identityOf((i * 7919 + 101) % options.candidates).phone;
    await call("caller", `/api/agent/caller?contact_number=${encodeURIComponent(phone)}&execution_id=${executionId}`);
    const slots = await call("slots", `/api/agent/slots?execution_id=${executionId}`);
    const offered = (JSON.parse(slots.body.toString("utf8")) as { slots?: { id: number }[] }).slots ?? [];
    if (offered[0]) await call("book", "/api/agent/book", { execution_id: executionId, slot_id: offered[0].id });
  }
  const underLoad = await load;
  agent.destroy();
  const all = Object.values(times).flat();
  const result: AgentResult = {
    requests: all.length,
    errors,
    firstErrors,
    latencyMs: figures(all),
    perTool: Object.fromEntries(Object.entries(times).map(([tool, list]) => [tool, figures(list)])),
    largestAnswerBytes: largest,
    underLoad: {
      connections: underLoad.connections,
      durationS: underLoad.durationS,
      reqPerSec: underLoad.reqPerSec,
      non2xx: underLoad.non2xx,
    },
  };
  options.log(
    `agent tools: ${result.requests} answers, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms, largest ${largest} B, errors ${errors}; webhooks meanwhile ${underLoad.reqPerSec} req/s`,
  );
  if (errors > 0) options.warnings.push(`agent tools: ${errors} unexpected answers, first: ${JSON.stringify(firstErrors)}`);
  return result;
}

/** The report's rows for the agent tools. */
export function agentRows(result: AgentResult | undefined): Row[] {
  if (!result) return [];
  const { latencyMs, perTool, underLoad } = result;
  return [
    {
      metric: `Agent tools under webhook load (${underLoad.connections} conn)`,
      value: `p50 ${latencyMs.p50} ms / p99 ${latencyMs.p99} ms (${result.requests} answers; ${Object.entries(perTool)
        .map(([tool, f]) => `${tool} p99 ${f.p99}`)
        .join(", ")})`,
      target: `p99 ≤ ${AGENT_P99_TARGET_MS} ms`,
      result: latencyMs.p99 <= AGENT_P99_TARGET_MS && result.errors === 0 ? "PASS" : "FAIL",
    },
    {
      metric: "  agent answer size (largest)",
      value: `${result.largestAnswerBytes} B`,
      target: "a few hundred bytes",
      result: "info",
    },
  ];
}
