import net from "node:net";

/**
 * HTTP/1.1 over a bare TCP socket, for requests that fetch refuses to send (header bytes outside ASCII,
 * duplicate or contradictory framing headers, half-written bodies). One connection per request, always
 * `Connection: close`, and a hard time limit so that a hang shows up as a failure instead of a stuck test.
 */

export type RawRequest = {
  method: string;
  path: string;
  /** Header lines as raw bytes (latin-1 strings or buffers); Host and Connection are added. */
  headers: [string, string | Buffer][];
  body: Buffer;
  /** How the body is framed: an honest Content-Length, chunked, or the caller's headers alone. */
  framing: "length" | "chunked" | "none";
};

export type RawResponse = {
  /** Null when the connection ended before a status line arrived. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** "timeout" when nothing ended the exchange within the limit; otherwise the socket error, if any. */
  error: string | null;
  ms: number;
};

const MAX_KEEP = 256 * 1024;

export function encodeRequest(request: RawRequest, port: number): Buffer {
  const lines: Buffer[] = [
    Buffer.from(`${request.method} ${request.path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n`, "latin1"),
  ];
  for (const [name, value] of request.headers) {
    lines.push(
      Buffer.concat([
        Buffer.from(`${name}: `, "latin1"),
        typeof value === "string" ? Buffer.from(value, "latin1") : value,
        Buffer.from("\r\n"),
      ]),
    );
  }
  if (request.framing === "length") lines.push(Buffer.from(`Content-Length: ${request.body.length}\r\n`));
  if (request.framing === "chunked") {
    lines.push(Buffer.from("Transfer-Encoding: chunked\r\n\r\n"));
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < request.body.length; offset += 65_536) {
      const part = request.body.subarray(offset, offset + 65_536);
      chunks.push(Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from("\r\n"));
    }
    chunks.push(Buffer.from("0\r\n\r\n"));
    return Buffer.concat([...lines, ...chunks]);
  }
  lines.push(Buffer.from("\r\n"));
  return Buffer.concat([...lines, request.body]);
}

/** Status, headers and body (dechunked) of the final answer in what a connection received. */
export function parseRawResponse(whole: Buffer): Pick<RawResponse, "status" | "headers" | "body"> {
  let raw = whole;
  // Interim answers (100 Continue) come first; the final answer follows them.
  for (let i = 0; i < 10 && /^HTTP\/1\.[01] 1\d\d /.test(raw.toString("latin1", 0, 16)); i += 1) {
    const end = raw.indexOf("\r\n\r\n");
    if (end === -1) break;
    raw = raw.subarray(end + 4);
  }
  const text = raw.toString("latin1");
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (!match) return { status: null, headers: {}, body: text };
  const end = text.indexOf("\r\n\r\n");
  const head = end === -1 ? text : text.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = end === -1 ? "" : raw.subarray(Buffer.byteLength(text.slice(0, end + 4), "latin1")).toString("utf8");
  if (headers["transfer-encoding"]?.toLowerCase() === "chunked") body = dechunk(body);
  return { status: Number(match[1]), headers, body };
}

function dechunk(body: string): string {
  let out = "";
  let rest = body;
  for (let i = 0; i < 10_000; i += 1) {
    const lineEnd = rest.indexOf("\r\n");
    if (lineEnd === -1) break;
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
  return out;
}

/** Sends the bytes and reads the answer until the server closes the connection (or the time limit). */
export function rawExchange(port: number, bytes: Buffer, timeoutMs = 20_000): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let error: string | null = null;
    let settled = false;
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parseRawResponse(Buffer.concat(chunks)), error, ms: Date.now() - started });
    };
    const timer = setTimeout(() => {
      error = "timeout";
      finish();
    }, timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      if (kept < MAX_KEEP) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    socket.on("error", (err: NodeJS.ErrnoException) => {
      error ??= err.code ?? err.message;
    });
    socket.on("close", finish);
    socket.on("end", finish);
    socket.on("connect", () => {
      socket.write(bytes, () => socket.end());
    });
  });
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= items.length) return;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
