import { apiError } from "@/lib/http/api-error";

/**
 * Callboard's own server (npm start) answers the webhook before Next sees the request
 * (lib/webhook/webhook-endpoint.ts). A process started some other way (a bare `next start`) cannot see the TCP
 * peer, so it refuses every delivery, with a 503 so that Bolna retries once the right server is back.
 */
export function webhookNotServedByNext(): Response {
  return apiError("webhook_unavailable", "Webhook deliveries are accepted only by Callboard's own server (npm start).");
}
