import zlib from "node:zlib";
import { request } from "./http";

export type JsResult = {
  scripts: { src: string; rawBytes: number; gzipBytes: number; status: number }[];
  rawBytes: number;
  /** zlib gzip, default level 6, per file, summed (what a server that gzips would send). */
  gzipBytes: number;
  /** What this server itself sent when asked for gzip (0 per file it does not compress). */
  wireGzipBytes: number;
  inlineScriptBytes: number;
};

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** First-load JavaScript of a page: every `<script src>` its HTML references, fetched and summed. */
export async function measureFirstLoadJs(baseUrl: string, path: string, cookie: string): Promise<JsResult> {
  const page = await request(`${baseUrl}${path}`, { headers: { cookie, accept: "text/html" } });
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const html = page.body.toString();
  const sources = [...new Set([...html.matchAll(SCRIPT_SRC)].map((match) => match[1]!.replaceAll("&amp;", "&")))];
  const inlineScriptBytes = [...html.matchAll(INLINE_SCRIPT)].reduce((sum, match) => sum + Buffer.byteLength(match[1] ?? ""), 0);
  const scripts: JsResult["scripts"] = [];
  let wireGzipBytes = 0;
  for (const src of sources.slice(0, 200)) {
    const url = new URL(src, baseUrl);
    if (url.host !== new URL(baseUrl).host) continue; // never fetch off this machine
    const raw = await request(url.href, { headers: { cookie } });
    const wire = await request(url.href, { headers: { cookie, "accept-encoding": "gzip" } });
    if (wire.headers["content-encoding"] === "gzip") wireGzipBytes += wire.body.length;
    scripts.push({ src, rawBytes: raw.body.length, gzipBytes: zlib.gzipSync(raw.body).length, status: raw.status });
  }
  return {
    scripts,
    rawBytes: scripts.reduce((sum, s) => sum + s.rawBytes, 0),
    gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    wireGzipBytes,
    inlineScriptBytes,
  };
}
