import http from "node:http";

export type HttpResult = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ttfbMs: number; totalMs: number };

/** One keep-alive connection at a time per agent: sequential measurements reuse the socket like a browser does. */
const sequentialAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** A plain node:http request (no fetch machinery in the timing), bounded by `timeoutMs`. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; timeoutMs?: number } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers["content-length"] = String(Buffer.byteLength(options.body));
    const req = http.request(
      url,
      { method: options.method ?? "GET", headers, agent: options.agent ?? sequentialAgent },
      (res) => {
        ttfb = performance.now() - started;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ttfbMs: ttfb,
            totalMs: performance.now() - started,
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () =>
      req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)),
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The Cookie header value that replays every cookie a response set (deleted cookies left out). */
function cookieFrom(headers: http.IncomingHttpHeaders): string {
  return (headers["set-cookie"] ?? [])
    .map((line) => line.split(";")[0]!.trim())
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** Signs in as a browser on the same origin would; returns the Cookie header of the new session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const t0 = Date.now();
  const response = await request(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = cookieFrom(response.headers);
  if (response.status !== 200 || !cookie.includes("session_token=")) {
    throw new Error(`sign-in failed after ${Date.now() - t0} ms: ${response.status} ${response.body.toString().slice(0, 300)}`);
  }
  return cookie;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (value: number, digits = 1) =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value;
