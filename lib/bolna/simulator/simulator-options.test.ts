import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBolnaClient } from "@/lib/bolna/client";
import { startBolnaSimulator } from "./create-simulator";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver() {
  const received: { at: number; status: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    received.push({ at: Date.now(), status: (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { status: string }).status });
    res.writeHead(200).end();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, received };
}

describe("simulator options for tests", () => {
  it("delivers to a webhook URL set after start, and answers POST /call after respondDelayMs", async () => {
    const simulator = await startBolnaSimulator({ apiKey: "k", speed: 100, habits: false, respondDelayMs: 400 });
    cleanups.push(() => simulator.close());
    const target = await receiver();
    simulator.setWebhookUrl(target.url);
    const client = createBolnaClient({ baseUrl: simulator.url, apiKey: "k", agentId: "agent" });

    const ack = await client.placeCall({ recipientPhone: "+919800000001", userData: {} });
    const answeredAt = Date.now();
    expect(ack.status).toBe("queued");
    // At speed 100 the whole call (about 15 s simulated) is over before the delayed answer.
    expect(target.received.filter((event) => event.at < answeredAt).map((event) => event.status)).toContain("completed");

    simulator.setRespondDelay(0);
    simulator.setWebhookUrl(null);
    const before = target.received.length;
    const started = Date.now();
    await client.placeCall({ recipientPhone: "+919800000001", userData: {} });
    expect(Date.now() - started).toBeLessThan(300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(target.received.length).toBe(before);
  });
});
