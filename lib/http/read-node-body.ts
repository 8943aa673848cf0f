import type { IncomingMessage } from "node:http";
import type { BodyRead } from "./read-body";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a Node request's body as UTF-8, giving up as soon as it passes `limit` bytes (the rest is never read:
 * the caller answers with `connection: close`).
 */
export function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.off("data", onData).pause();
        resolve({ ok: false, reason: "too_large" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", reject);
    // A client that hangs up mid-body: no "end" will come (a no-op once the body was read).
    req.once("close", () => reject(new Error("the request was aborted")));
    req.once("end", () => {
      try {
        resolve({ ok: true, text: utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)) });
      } catch {
        resolve({ ok: false, reason: "not_utf8" });
      }
    });
  });
}
