import crypto from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { demoBolna, setDemoBolna, type DemoBolna } from "./demo-state";
import { startBolnaSimulator, type BolnaSimulator } from "./simulator/create-simulator";

const DEMO_AGENT_ID = "00000000-0000-4000-8000-00000000de70";

let running: BolnaSimulator | undefined;

/** The loopback address that reaches the app listening on HOSTNAME. */
function loopbackHost(hostname: string): string {
  if (hostname === "::1" || hostname === "::") return "[::1]";
  return "127.0.0.1";
}

/**
 * Demo mode (no BOLNA_API_KEY): runs the Bolna simulator on a random loopback port with a generated key, points
 * this process's Bolna client at it (lib/bolna/demo-state.ts), and has it POST every call's lifecycle to
 * Callboard's own `/webhook` on `appPort` (loopback senders are allowed in demo mode). BOLNA_SIMULATOR_SPEED
 * divides its delays. Does nothing outside demo mode; returns null then.
 */
export function startDemoBolna(appPort: number): Promise<DemoBolna | null> {
  const config = env();
  if (!config.demoMode) return Promise.resolve(null);
  const started = demoBolna();
  if (started) return started;
  if (!config.WEBHOOK_ALLOW_LOOPBACK) {
    log().warn("demo mode with WEBHOOK_ALLOW_LOOPBACK=false: the simulator's webhooks will be refused");
  }
  const apiKey = crypto.randomBytes(24).toString("base64url");
  // Published before the simulator listens, so a request that comes in meanwhile waits for it.
  const starting = startBolnaSimulator({
    apiKey,
    host: "127.0.0.1",
    port: 0,
    speed: config.BOLNA_SIMULATOR_SPEED,
    webhookUrl: `http://${loopbackHost(config.HOSTNAME)}:${appPort}/webhook`,
    deliveryHeaders: config.WEBHOOK_SECRET ? { "x-webhook-secret": config.WEBHOOK_SECRET } : {},
  }).then((simulator): DemoBolna => {
    running = simulator;
    return { url: simulator.url, apiKey, agentId: DEMO_AGENT_ID };
  });
  setDemoBolna(starting);
  starting.catch(() => setDemoBolna(undefined));
  return starting;
}

export async function stopDemoBolna(): Promise<void> {
  setDemoBolna(undefined);
  await running?.close();
  running = undefined;
}
