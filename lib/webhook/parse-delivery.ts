import crypto from "node:crypto";
import { parseExecution } from "@/lib/bolna/parse-execution";
import type { Delivery } from "@/lib/calls/apply-execution";
import type { ErrorCode } from "@/lib/http/error-codes";
import type { RawDelivery } from "./read-delivery";

export type Parsed = { ok: true; delivery: Delivery } | { ok: false; error: { code: ErrorCode; message: string } };

/** The body parsed as JSON and as a Bolna execution: the delivery to store, or why it is refused (400). */
export function parseDelivery({ rawBody, senderIp, receivedAt }: RawDelivery): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, error: { code: "invalid_json", message: "The body is not valid JSON." } };
  }
  const parsed = parseExecution(json);
  if (!parsed.ok) return { ok: false, error: { code: "invalid_payload", message: parsed.message } };
  return {
    ok: true,
    delivery: {
      execution: parsed.execution,
      rawBody,
      bodyHash: crypto.createHash("sha256").update(rawBody).digest("hex"),
      senderIp,
      receivedAt,
      source: "webhook",
    },
  };
}
