import crypto from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { publishDemoBolna, type DemoBolna } from "./demo-bolna-address";
import { startBolnaSimulator } from "./simulator/create-simulator";

const DEMO_AGENT_ID = "00000000-0000-4000-8000-00000000de70";

/** The loopback address that reaches the app listening on HOSTNAME. */
function loopbackHost(hostname: string): string {
  if (hostname === "::1" || hostname === "::") return "[::1]";
  return "127.0.0.1";
}

/**
 * Demo mode (no BOLNA_API_KEY): runs the Bolna simulator on a random loopback port with a generated key,
 * publishes its address for every part of the app (lib/bolna/demo-bolna-address.ts), and has it POST every
 * call's lifecycle to Callboard's own `/webhook` on `appPort` (loopback senders are allowed in demo mode; behind
 * TRUSTED_PROXY_HOPS proxies it names itself in X-Forwarded-For as a proxy would). BOLNA_SIMULATOR_SPEED divides
 * its delays. Does nothing outside demo mode; returns null then.
 */
export async function startDemoBolna(appPort: number): Promise<DemoBolna | null> {
  const config = env();
  if (!config.demoMode) return null;
  if (!config.WEBHOOK_ALLOW_LOOPBACK) {
    log().warn("demo mode with WEBHOOK_ALLOW_LOOPBACK=false: the simulator's webhooks will be refused");
  }
  const apiKey = crypto.randomBytes(24).toString("base64url");
  const hops = config.TRUSTED_PROXY_HOPS;
  const appUrl = `http://${loopbackHost(config.HOSTNAME)}:${appPort}`;
  const simulator = await startBolnaSimulator({
    apiKey,
    host: "127.0.0.1",
    port: 0,
    agentId: DEMO_AGENT_ID,
    // With AGENT_TOOL_TOKEN set, the simulated agent books with Callboard's tools, as a configured Bolna agent does.
    agentTools: config.AGENT_TOOL_TOKEN ? { baseUrl: appUrl, token: config.AGENT_TOOL_TOKEN } : undefined,
    speed: config.BOLNA_SIMULATOR_SPEED,
    webhookUrl: `${appUrl}/webhook`,
    deliveryHeaders: {
      ...(config.WEBHOOK_SECRET ? { "x-webhook-secret": config.WEBHOOK_SECRET } : {}),
      ...(hops > 0 ? { "x-forwarded-for": Array.from({ length: hops }, () => "127.0.0.1").join(", ") } : {}),
    },
  });
  const address = { url: simulator.url, apiKey, agentId: DEMO_AGENT_ID };
  publishDemoBolna(config.DATABASE_PATH, address);
  return address;
}
