import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { createBolnaClient, type BolnaClient } from "./client";
import { readDemoBolna } from "./demo-bolna-address";

let cached: { key: string; client: BolnaClient } | undefined;

/**
 * The Bolna client for this process: the real API with BOLNA_API_KEY, otherwise (demo mode) the simulator that
 * start-up runs on loopback (lib/bolna/demo-mode.ts). Throws a 503 ApiError when calls cannot be placed at all.
 */
export async function bolnaClient(): Promise<BolnaClient> {
  const config = env();
  let options: Parameters<typeof createBolnaClient>[0];
  if (config.demoMode) {
    const demo = readDemoBolna(config.DATABASE_PATH);
    if (!demo) {
      throw new ApiError("bolna_unavailable", "Demo mode: the call simulator is not running (yet); try again in a moment.");
    }
    options = { baseUrl: demo.url, apiKey: demo.apiKey, agentId: demo.agentId };
  } else {
    if (!config.BOLNA_AGENT_ID) {
      throw new ApiError(
        "bolna_not_configured",
        "BOLNA_AGENT_ID is not set: Callboard does not know which Bolna agent should call.",
      );
    }
    options = {
      baseUrl: config.BOLNA_API_URL,
      apiKey: config.BOLNA_API_KEY!,
      agentId: config.BOLNA_AGENT_ID,
      fromNumber: config.BOLNA_FROM_NUMBER,
    };
  }
  const key = JSON.stringify(options);
  if (cached?.key !== key) cached = { key, client: createBolnaClient(options) };
  return cached.client;
}
