import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

const SECURE = /;\s*secure\s*(;|$)/i;

function withSecure(value: OutgoingHttpHeader): OutgoingHttpHeader {
  const add = (cookie: string) => (SECURE.test(cookie) ? cookie : `${cookie}; Secure`);
  if (Array.isArray(value)) return value.map(add);
  return typeof value === "string" ? add(value) : value;
}

const isSetCookie = (name: string) => name.toLowerCase() === "set-cookie";

/**
 * Marks every cookie of this response `Secure`: for a request that reached a trusted proxy over https (its
 * X-Forwarded-Proto), so that the session cookie never travels over plain http even when APP_URL is not set.
 * Covers every way Node lets a response set headers (Next uses all of them).
 */
export function secureCookies(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: OutgoingHttpHeader) =>
    setHeader(name, isSetCookie(name) ? withSecure(value) : value)) as ServerResponse["setHeader"];
  const appendHeader = res.appendHeader.bind(res);
  res.appendHeader = ((name: string, value: string | readonly string[]) =>
    appendHeader(
      name,
      isSetCookie(name) ? (withSecure(value as OutgoingHttpHeader) as string | string[]) : value,
    )) as ServerResponse["appendHeader"];
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    const headers = args.find((arg, index) => index > 0 && typeof arg === "object" && arg !== null);
    if (Array.isArray(headers)) {
      // A flat [name, value, name, value, …] list.
      for (let i = 0; i + 1 < headers.length; i += 2) {
        if (isSetCookie(String(headers[i]))) headers[i + 1] = withSecure(headers[i + 1] as OutgoingHttpHeader);
      }
    } else if (headers) {
      const record = headers as OutgoingHttpHeaders;
      for (const name of Object.keys(record)) {
        if (isSetCookie(name) && record[name] !== undefined) record[name] = withSecure(record[name]);
      }
    }
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}
