import { withPermission } from "@/lib/http/route";
import { changeFeed, type ChangeBatch } from "@/lib/live/change-feed";
import { otherMethods } from "@/lib/http/other-methods";

const HEARTBEAT_MS = 15_000;

const message = (batch: ChangeBatch) => `id: ${batch.lastId}\nevent: change\ndata: ${JSON.stringify(batch)}\n\n`;

/**
 * Server-Sent Events: one stream per tab. A reconnecting browser sends Last-Event-ID and first receives what it
 * missed; heartbeats keep proxies from closing an idle stream; the subscription ends when the tab goes away.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const feed = changeFeed();
  const resumeFrom = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since"));
  const startId = Number.isSafeInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : feed.latestId();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      send(`retry: 2000\nid: ${startId}\nevent: ready\ndata: {}\n\n`);
      const missed = feed.since(startId);
      if (missed) send(message(missed));
      const unsubscribe = feed.subscribe((batch) => {
        if (batch.lastId > startId) send(message(batch));
      });
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", cleanup, { once: true });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
