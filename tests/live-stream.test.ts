import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, api, createUser, signIn, startApiServer } from "./support/auth-client";
import type { TestServer } from "./support/server";

/** A live stream lives no longer than the session that opened it (checked every LIVE_SESSION_CHECK_SECONDS). */
let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", LIVE_SESSION_CHECK_SECONDS: "1" });
});

afterAll(async () => {
  await server?.stop();
});

type Stream = { status: number; events: string[]; ended: Promise<void>; close: () => void };

function openStream(cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}/api/live`, { headers: { cookie } }, (response) => {
      const events: string[] = [];
      const ended = new Promise<void>((done) => {
        response.on("end", done);
        response.on("close", done);
        response.on("error", () => done());
      });
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        for (const match of chunk.matchAll(/^event: (\w+)$/gm)) events.push(match[1]!);
      });
      resolve({ status: response.statusCode ?? 0, events, ended, close: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

let serial = 0;
async function recruiterSession() {
  serial += 1;
  const person = {
    name: `Stream Recruiter ${serial}`,
    email: `stream.recruiter.${serial}@example.com`,
    password: "stream-recruiter-pass-1",
    role: "recruiter" as const,
  };
  const id = await createUser(server.url, person);
  return { id, cookie: await signIn(server.url, person.email, person.password) };
}

describe("GET /api/live and the session behind it", () => {
  it("closes an open stream soon after its user is deactivated", async () => {
    const { id, cookie } = await recruiterSession();
    const stream = await openStream(cookie);
    expect(stream.status).toBe(200);
    await expect.poll(() => stream.events).toContain("ready");
    const deactivated = await api(server.url, `/api/users/${id}`, { method: "PATCH", token: API_TOKEN, body: { active: false } });
    expect(deactivated.status).toBe(200);
    await stream.ended;
    // And the same cookie opens nothing any more.
    expect((await api(server.url, "/api/live", { cookie })).status).toBe(401);
  });

  it("closes an open stream after its session signs out, and keeps one whose session holds", async () => {
    const leaving = await recruiterSession();
    const staying = await recruiterSession();
    const [gone, kept] = await Promise.all([openStream(leaving.cookie), openStream(staying.cookie)]);
    const signedOut = await api(server.url, "/api/auth/sign-out", {
      method: "POST",
      cookie: leaving.cookie,
      headers: { origin: server.url },
      body: {},
    });
    expect(signedOut.status).toBe(200);
    await gone.ended;
    // Several checks later the other stream is still open.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    let keptEnded = false;
    void kept.ended.then(() => (keptEnded = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(keptEnded).toBe(false);
    kept.close();
  });
});
