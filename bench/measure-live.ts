import http from "node:http";
import { percentile, request, round } from "./http";

type ChangeMessage = { at: number; lastId: number; candidateIds: number[] };

export type LiveResult = {
  webhooks: number;
  ok: number;
  covered: number;
  missed: number;
  /** Messages that reached the stream before the webhook's own response reached the sender (latency counted 0). */
  beforeResponse: number;
  latencyMs: { p50: number; p95: number; max: number };
  webhookMs: { p50: number; p95: number };
  changeMessages: number;
  firstErrorBody?: string;
};

/** An SSE reader over node:http: every complete `event: change` message with the time it arrived. */
function openStream(url: string, token: string) {
  const messages: ChangeMessage[] = [];
  let ready: () => void = () => {};
  let failed: (error: Error) => void = () => {};
  const readyPromise = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  let buffer = "";
  const req = http.get(
    url,
    { agent: false, headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" } },
    (res) => {
      if (res.statusCode !== 200) {
        failed(new Error(`live stream answered ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split("\n")) {
            const colon = line.indexOf(":");
            if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
          if (fields.get("event") === "ready") ready();
          if (fields.get("event") === "change") {
            try {
              const data = JSON.parse(fields.get("data") ?? "{}") as { lastId?: number; candidateIds?: number[] };
              messages.push({ at, lastId: data.lastId ?? 0, candidateIds: data.candidateIds ?? [] });
            } catch {
              // a malformed message covers nothing
            }
          }
        }
      });
    },
  );
  req.on("error", (error) => failed(error));
  return { messages, ready: readyPromise, close: () => req.destroy() };
}

/**
 * Opens /api/live with the API token, then POSTs single webhooks at a modest rate, each to its own candidate,
 * and measures from each webhook's 2xx response to the first `event: change` message naming that candidate.
 */
export async function measureLive(
  baseUrl: string,
  token: string,
  makeWebhook: (i: number) => string,
  options: { count: number; intervalMs: number; coverTimeoutMs: number },
): Promise<LiveResult> {
  const stream = openStream(`${baseUrl}/api/live`, token);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  try {
    await Promise.race([
      stream.ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error("live stream not ready in 10 s")), 10_000)),
    ]);
    const sent: Promise<{ sentAt: number; respondedAt: number; status: number; candidateId: number | null; body: string }>[] = [];
    for (let i = 0; i < options.count; i++) {
      const body = makeWebhook(i);
      const sentAt = performance.now();
      sent.push(
        request(`${baseUrl}/api/webhook`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          agent,
          timeoutMs: 10_000,
        }).then((response) => {
          const text = response.body.toString();
          let candidateId: number | null = null;
          try {
            candidateId = (JSON.parse(text) as { candidateId?: number | null }).candidateId ?? null;
          } catch {
            // not JSON: an error page
          }
          return { sentAt, respondedAt: sentAt + response.totalMs, status: response.status, candidateId, body: text };
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
    }
    const webhooks = await Promise.all(sent);
    const isCovered = (w: (typeof webhooks)[number]) =>
      stream.messages.some((m) => m.at >= w.sentAt && m.candidateIds.includes(w.candidateId!));
    const deadline = Date.now() + options.coverTimeoutMs;
    while (Date.now() < deadline && !webhooks.every((w) => w.candidateId === null || isCovered(w))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ok = webhooks.filter((w) => w.status >= 200 && w.status < 300 && w.candidateId !== null);
    const latencies: number[] = [];
    let beforeResponse = 0;
    let missed = 0;
    for (const w of ok) {
      const message = stream.messages.find((m) => m.at >= w.sentAt && m.candidateIds.includes(w.candidateId!));
      if (!message) {
        missed += 1;
        continue;
      }
      if (message.at < w.respondedAt) beforeResponse += 1;
      latencies.push(Math.max(0, message.at - w.respondedAt));
    }
    const sorted = latencies.sort((a, b) => a - b);
    const webhookMs = webhooks.map((w) => w.respondedAt - w.sentAt).sort((a, b) => a - b);
    // A missed webhook counts as infinitely late: the p95 must not look good because of what never arrived.
    const withMissed = [...sorted, ...Array.from({ length: missed + (webhooks.length - ok.length) }, () => Infinity)];
    const failed = webhooks.find((w) => !(w.status >= 200 && w.status < 300));
    return {
      webhooks: webhooks.length,
      ok: ok.length,
      covered: latencies.length,
      missed,
      beforeResponse,
      latencyMs: {
        p50: round(percentile(withMissed, 50), 1),
        p95: round(percentile(withMissed, 95), 1),
        max: round(withMissed.at(-1) ?? NaN, 1),
      },
      webhookMs: { p50: round(percentile(webhookMs, 50), 1), p95: round(percentile(webhookMs, 95), 1) },
      changeMessages: stream.messages.length,
      firstErrorBody: failed ? `${failed.status} ${failed.body.slice(0, 300)}` : undefined,
    };
  } finally {
    stream.close();
    agent.destroy();
  }
}
