export type BytesRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" };
export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too_large" | "not_utf8" };

/**
 * Reads what is left of a refused body and drops it, in the background, while the client reads its 413. Not a
 * cancel: Next's body stream throws inside the HTTP parser on the next chunk after one, which resets the connection
 * before the answer is out. How long the rest may take is the server's to bound (lib/server/load-shedding.ts).
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): void {
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      // The connection went away: nothing left to drop.
    }
  })();
}

/**
 * Reads a request body, stopping as soon as it passes `limit` bytes: route handlers and the proxy have no body
 * limit of their own, so nothing here may buffer an unbounded upload.
 */
export async function readBytesCapped(request: Request, limit: number): Promise<BytesRead> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      discardRest(reader);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The same, as UTF-8 text. */
export async function readBodyCapped(request: Request, limit: number): Promise<BodyRead> {
  const body = await readBytesCapped(request, limit);
  if (!body.ok) return body;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body.bytes) };
  } catch {
    return { ok: false, reason: "not_utf8" };
  }
}
