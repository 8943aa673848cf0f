import http from "node:http";

/**
 * HTTP from a chosen local address: a client on 127.0.0.4 is, to nginx, another machine than one on 127.0.0.5
 * (all of 127.0.0.0/8 is loopback on Linux). One connection per request, so nothing is shared between clients.
 */

export type BoundResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests, not typed
  json: Record<string, any>;
};

export type BoundRequest = { method?: string; headers?: Record<string, string>; body?: string | Buffer };

export function requestFrom(localAddress: string, url: string, request: BoundRequest = {}): Promise<BoundResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers };
    if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
    const outgoing = http.request(url, { method: request.method ?? "GET", headers, localAddress, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("error", reject);
      response.on("end", () => {
        let json = {};
        try {
          json = JSON.parse(text) as object;
        } catch {
          // not JSON; the test looks at the text
        }
        resolve({ status: response.statusCode!, headers: response.headers, text, json });
      });
    });
    outgoing.setTimeout(20_000, () => outgoing.destroy(new Error(`no answer from ${url} within 20 s`)));
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Sends only the head of a request that announces `contentLength` bytes, and returns the answer to it. */
export function announceBodyFrom(
  localAddress: string,
  url: string,
  contentLength: number,
  headers: Record<string, string>,
): Promise<BoundResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(contentLength) }, localAddress, agent: false },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          outgoing.destroy();
          resolve({ status: response.statusCode!, headers: response.headers, text, json: JSON.parse(text) as object });
        });
      },
    );
    outgoing.setTimeout(20_000, () => outgoing.destroy(new Error(`no answer from ${url} within 20 s`)));
    outgoing.on("error", reject);
    outgoing.flushHeaders();
  });
}

export type EventStream = { status: number; headers: http.IncomingHttpHeaders; next: (pattern: RegExp) => Promise<string> };

/**
 * Opens a streamed GET (Server-Sent Events) and hands back what arrives as it arrives. `next` resolves with the text
 * received so far once it matches; it fails if that takes longer than `withinMs`, which is what buffering looks like.
 */
export function openStreamFrom(
  localAddress: string,
  url: string,
  headers: Record<string, string>,
  withinMs: number,
  signal: AbortSignal,
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { headers, localAddress, agent: false, signal }, (response) => {
      let received = "";
      const waiting = new Set<() => void>();
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        received += chunk;
        for (const check of waiting) check();
      });
      response.on("error", () => {});
      const next = (pattern: RegExp) =>
        new Promise<string>((found, missing) => {
          const timer = setTimeout(() => {
            waiting.delete(check);
            missing(new Error(`${pattern} did not arrive within ${withinMs} ms; received so far:\n${received}`));
          }, withinMs);
          const check = () => {
            if (!pattern.test(received)) return;
            clearTimeout(timer);
            waiting.delete(check);
            found(received);
          };
          waiting.add(check);
          check();
        });
      resolve({ status: response.statusCode!, headers: response.headers, next });
    });
    outgoing.on("error", (error) => {
      if (!signal.aborted) reject(error);
    });
    outgoing.end();
  });
}
