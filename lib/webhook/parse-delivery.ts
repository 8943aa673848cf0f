import { parseExecution } from "@/lib/bolna/parse-execution";
import type { Delivery } from "@/lib/calls/apply-execution";
import { apiError } from "@/lib/http/api-error";
import { readBodyCapped } from "@/lib/http/read-body";
import { refuse, sha256 } from "./guard-delivery";

/** The contract's limit; checked on the declared length first and while reading, so nothing larger is buffered. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type Parsed = { ok: true; delivery: Delivery } | { ok: false; answer: Response };

/** The body read (at most 1 MiB, UTF-8), parsed as JSON and as a Bolna execution: the delivery to store. */
export async function parseDelivery(request: Request, sender: string, receivedAt: Date): Promise<Parsed> {
  const tooLarge = () => refuse("payload_too_large", "The body is larger than 1 MiB.");
  if (Number(request.headers.get("content-length")) > MAX_WEBHOOK_BYTES) return { ok: false, answer: tooLarge() };
  const body = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) {
    return {
      ok: false,
      answer: body.reason === "too_large" ? tooLarge() : apiError("invalid_json", "The body is not valid UTF-8 JSON."),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return { ok: false, answer: apiError("invalid_json", "The body is not valid JSON.") };
  }
  const parsed = parseExecution(json);
  if (!parsed.ok) return { ok: false, answer: apiError("invalid_payload", parsed.message) };
  return {
    ok: true,
    delivery: {
      execution: parsed.execution,
      rawBody: body.text,
      bodyHash: sha256(body.text).toString("hex"),
      senderIp: sender,
      receivedAt,
      source: "webhook",
    },
  };
}
