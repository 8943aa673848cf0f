import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRequestLog, requestLogFormat } from "./request-log";

const token = "HK8SrjXwrxokb3tWQ4lFFAAAaxfW-g._QVN_qhBFf8chph7WMtMAOxAa4XYliG76Mk1wXpx-kU";

describe("requestLogFormat", () => {
  it("writes short lines to a terminal and JSON anywhere else, unless LOG_FORMAT says", () => {
    expect(requestLogFormat(undefined, { isTTY: true })).toBe("line");
    expect(requestLogFormat(undefined, { isTTY: false })).toBe("json");
    expect(requestLogFormat(undefined, {})).toBe("json");
    expect(requestLogFormat("json", { isTTY: true })).toBe("json");
    expect(requestLogFormat("line", {})).toBe("line");
  });
});

describe("the line request log", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("writes one short line per request: method, path without query, status, ms; tokens masked", async () => {
    const lines: string[] = [];
    const requestLog = createRequestLog("line", (line) => lines.push(line));
    server = http.createServer((req, res) => {
      requestLog(req, res);
      res.writeHead(req.url?.startsWith("/missing") ? 404 : 200).end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = await fetch(`${base}/candidates?q=Asha`, { headers: { "x-request-id": "abc-1" } });
    await fetch(`${base}/i/${token}`, { method: "POST" });
    await fetch(`${base}/api/self-service/${token}/slots`);
    await fetch(`${base}/missing`);
    await fetch(`${base}/_next/static/chunk.js`);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(first.headers.get("x-request-id")).toBe("abc-1");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^GET \/candidates 200 \d+ ms\n$/);
    expect(lines[1]).toMatch(/^POST \/i\/\[token\] 200 \d+ ms\n$/);
    expect(lines[2]).toMatch(/^GET \/api\/self-service\/\[token\]\/slots 200 \d+ ms\n$/);
    expect(lines[3]).toMatch(/^GET \/missing 404 \d+ ms\n$/);
    expect(lines.join("")).not.toContain(token);
    expect(lines.join("")).not.toContain("Asha");
  });
});
