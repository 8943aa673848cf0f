import { setTimeout as wait } from "node:timers/promises";

export type WebhookTarget = {
  url: string;
  /** Sent with every delivery, like the custom headers a Bolna agent can be given (e.g. a shared secret). */
  headers: Record<string, string>;
  /** Divides the waits between retries. */
  speed: number;
  /** Aborted when the simulator closes. */
  signal: AbortSignal;
};

/** Simulated waits before each retry of a delivery that failed; Bolna also gives up after a few. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];
/** Bolna expects an answer within about 10 s. */
const ANSWER_TIMEOUT_MS = 10_000;

/**
 * POSTs one execution body, retrying on a non-2xx answer or a failed connection; resolves once delivered or
 * given up, and rejects with an AbortError when the simulator closes.
 */
export async function deliverWebhook(body: string, target: WebhookTarget): Promise<void> {
  for (const retryDelay of [...RETRY_DELAYS_MS, null]) {
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: { ...target.headers, "content-type": "application/json" },
        body,
        signal: AbortSignal.any([target.signal, AbortSignal.timeout(ANSWER_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Refused, reset or timed out: Bolna retries those like a non-2xx answer.
    }
    if (retryDelay === null) return;
    await wait(retryDelay / target.speed, undefined, { signal: target.signal });
  }
}
