import crypto from "node:crypto";
import { getDb } from "@/db/client";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { applyExecution } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { readBodyCapped } from "@/lib/http/read-body";
import { logError } from "@/lib/log";
import { readPeer } from "./peer-stamp";
import { RejectedSenderLog } from "./rejected-senders";
import { checkSender } from "./sender-check";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

// The rest of an oversized upload is never read, so the connection cannot carry another request.
const tooLarge = () =>
  apiError(413, "payload_too_large", "The body is larger than 1 MiB.", { connection: "close" });

const rejected = new RejectedSenderLog(getDb);

function sha256(value: string): Buffer {
  return crypto.createHash("sha256").update(value).digest();
}

function secretMatches(given: string | null, expected: string): boolean {
  return given !== null && crypto.timingSafeEqual(sha256(given), sha256(expected));
}

function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * Bolna → Callboard. Every answer follows the contract: refusals before anything is stored, and a 2xx only
 * after the delivery is committed (a failed write answers 503 so that Bolna retries).
 */
export async function handleWebhook(request: Request): Promise<Response> {
  const config = env();
  const receivedAt = new Date();
  const sender = checkSender(readPeer(request.headers));
  if (!sender.ok) {
    rejected.record(sender.ip, sender.reason, receivedAt);
    return apiError(403, "forbidden_ip", `Webhook sender refused: ${sender.reason}.`);
  }
  if (config.WEBHOOK_SECRET && !secretMatches(request.headers.get("x-webhook-secret"), config.WEBHOOK_SECRET)) {
    return apiError(401, "invalid_secret", "The X-Webhook-Secret header is missing or wrong.");
  }
  if (Number(request.headers.get("content-length")) > MAX_WEBHOOK_BYTES) return tooLarge();
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return apiError(415, "unsupported_media_type", "Send the execution as application/json.");
  }
  const body = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) {
    return body.reason === "too_large" ? tooLarge() : apiError(400, "invalid_json", "The body is not valid UTF-8 JSON.");
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return apiError(400, "invalid_json", "The body is not valid JSON.");
  }
  const parsed = parseExecution(json);
  if (!parsed.ok) return apiError(400, "invalid_payload", parsed.message);

  try {
    const applied = applyExecution(
      getDb(),
      {
        execution: parsed.execution,
        rawBody: body.text,
        bodyHash: sha256(body.text).toString("hex"),
        senderIp: sender.ip,
        receivedAt,
        source: "webhook",
      },
      { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY },
    );
    return Response.json({ ok: true, ...applied }, { status: applied.result === "unmatched" ? 202 : 200 });
  } catch (error) {
    logError("webhook delivery could not be stored", error);
    return apiError(503, "storage_unavailable", "The delivery could not be stored; retry later.");
  }
}
