import { otherMethods } from "@/lib/http/other-methods";
import { changeFeed } from "@/lib/live/change-feed";
import { commitDelivery } from "@/lib/webhook/commit-delivery";
import { guardDelivery } from "@/lib/webhook/guard-delivery";
import { readDelivery } from "@/lib/webhook/read-delivery";

/**
 * Bolna → Callboard (`POST /api/webhook`, and `POST /webhook`, which re-exports this): guard (sender, rate,
 * secret, type: before anything is read), read (size, UTF-8), commit (on the writer thread: parsed as JSON and as
 * an execution, stored and applied, on disk before the answer: 2xx only after COMMIT), publish (this process's
 * live streams hear of it at once).
 */
export async function POST(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const guarded = await guardDelivery(request, receivedAt);
  if (!guarded.ok) return guarded.answer;
  const read = await readDelivery(request, guarded.sender, receivedAt);
  if (!read.ok) return read.answer;
  const committed = await commitDelivery(read.delivery);
  if (!committed.ok) return committed.answer;
  changeFeed().publish();
  const { applied } = committed;
  return Response.json({ ok: true, ...applied }, { status: applied.result === "unmatched" ? 202 : 200 });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
