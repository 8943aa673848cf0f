import type { Actor } from "@/lib/auth/actor";
import { resolveActor } from "@/lib/auth/resolve-actor";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { withPermission } from "@/lib/http/route";
import { changeFeed, type ChangeBatch } from "@/lib/live/change-feed";
import { StreamSlots } from "@/lib/live/stream-slots";

const HEARTBEAT_MS = 15_000;
const RETRY_AFTER_SECONDS = "10";

const message = (batch: ChangeBatch) => `id: ${batch.lastId}\nevent: change\ndata: ${JSON.stringify(batch)}\n\n`;

let slots: StreamSlots | undefined;
const streamSlots = () => (slots ??= new StreamSlots(env().MAX_LIVE_STREAMS, env().MAX_LIVE_STREAMS_PER_USER));

/** The request's credentials, kept to ask again later (the request itself is gone by then). */
const credentialsOf = (request: Request) =>
  new Headers([...request.headers].filter(([name]) => name === "cookie" || name === "authorization"));

/** Still the same person, still allowed? A deactivated user, a signed-out session or an expired one is not. */
async function stillSignedIn(credentials: Headers, actor: Actor): Promise<boolean> {
  try {
    const now = await resolveActor(credentials);
    return now !== null && now.id === actor.id;
  } catch {
    return true; // the database is busy: ask again at the next check rather than cut a viewer off
  }
}

/**
 * Server-Sent Events: one stream per tab. A reconnecting browser sends Last-Event-ID and first receives what it
 * missed; heartbeats keep proxies from closing an idle stream; the subscription ends when the tab goes away or
 * when the session that opened it ends. Streams are capped in total and per user (503 with Retry-After past
 * either), so no one can open enough of them to take the server down.
 */
export const GET = withPermission("candidates:read", ({ request, actor }) => {
  const release = streamSlots().take(actor.id);
  if (!release) {
    return apiError("overloaded", "Too many live streams are open; close some tabs or retry shortly.", {
      // Shed load closes its connection: a refused client does not keep a socket of ours.
      headers: { "Retry-After": RETRY_AFTER_SECONDS, Connection: "close" },
    });
  }
  const feed = changeFeed();
  const resumeFrom = Number(request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("since"));
  const startId = Number.isSafeInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : feed.latestId();
  const credentials = credentialsOf(request);
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
      const sessionCheck = setInterval(() => {
        void stillSignedIn(credentials, actor).then((ok) => {
          if (!ok) cleanup();
        });
      }, env().LIVE_SESSION_CHECK_SECONDS * 1000);
      let closed = false;
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearInterval(sessionCheck);
        release();
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
