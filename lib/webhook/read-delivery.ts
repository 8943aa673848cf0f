import { apiError } from "@/lib/http/api-error";
import { readBodyCapped } from "@/lib/http/read-body";
import { refuse } from "./guard-delivery";

/** The contract's limit; checked on the declared length first and while reading, so nothing larger is buffered. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** A delivery as it arrived: its body (UTF-8 text, not parsed yet), who sent it and when. */
export type RawDelivery = { rawBody: string; senderIp: string; receivedAt: Date };

export type Read = { ok: true; delivery: RawDelivery } | { ok: false; answer: Response };

/** The body, read to at most 1 MiB and decoded as UTF-8; the writer thread parses it (lib/webhook/parse-delivery.ts). */
export async function readDelivery(request: Request, sender: string, receivedAt: Date): Promise<Read> {
  const tooLarge = () => refuse("payload_too_large", "The body is larger than 1 MiB.");
  if (Number(request.headers.get("content-length")) > MAX_WEBHOOK_BYTES) return { ok: false, answer: tooLarge() };
  const body = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) {
    return {
      ok: false,
      answer: body.reason === "too_large" ? tooLarge() : apiError("invalid_json", "The body is not valid UTF-8 JSON."),
    };
  }
  return { ok: true, delivery: { rawBody: body.text, senderIp: sender, receivedAt } };
}
