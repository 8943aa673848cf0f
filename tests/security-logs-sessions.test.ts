import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { api, API_TOKEN, createCandidate, createUser, signIn, startApiServer, unique } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";

/*
 * Two small holes, over HTTP against the built server: a failure on the self-service API must not
 * write the link's token (a credential) into the logs, and changing a password over the API ends the user's other
 * sessions unless the request says otherwise.
 */
let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", LOG_LEVEL: "info" });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

describe("tokens in the logs", () => {
  it("a 500 on the self-service API logs the route with [token], never the token", async () => {
    const candidate = await createCandidate(server.url);
    const link = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", token: API_TOKEN });
    const token = (link.json.url as string).split("/i/")[1]!;
    // A real fault: the table the per-address limit counts in is gone, so the handler fails with a 500.
    db.run(sql`alter table self_service_rate_limits rename to self_service_rate_limits_away`);
    try {
      const failed = await api(server.url, `/api/self-service/${token}`);
      expect(failed.status).toBe(500);
      expect(failed.json.error?.code).toBe("internal_error");
      expect(failed.headers.get("cache-control")).toBe("no-store");
      const page = await api(server.url, `/i/${token}`);
      expect([200, 500]).toContain(page.status);
    } finally {
      db.run(sql`alter table self_service_rate_limits_away rename to self_service_rate_limits`);
    }
    await expect.poll(() => server.output()).toMatch(/GET \/api\/self-service\/\[token\] failed/);
    const output = server.output();
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.split(".")[1]!);
  });
});

describe("changing a password", () => {
  const person = () => ({
    name: "Session Holder",
    email: `sessions${unique()}@example.com`,
    password: "session-holder-pass-1!",
    role: "recruiter" as const,
  });
  const session = async (cookie: string) => (await api(server.url, "/api/auth/get-session", { cookie })).json;
  const change = (cookie: string, from: string, to: string, extra: object = {}) =>
    api(server.url, "/api/auth/change-password", {
      method: "POST",
      cookie,
      headers: { origin: server.url },
      body: { currentPassword: from, newPassword: to, ...extra },
    });

  it("over POST /api/auth/change-password ends the user's other sessions", async () => {
    const user = person();
    await createUser(server.url, user);
    const laptop = await signIn(server.url, user.email, user.password);
    const phone = await signIn(server.url, user.email, user.password);
    expect((await session(phone)).user?.email).toBe(user.email);
    const changed = await change(laptop, user.password, "a-new-password-for-sessions-2!");
    expect(changed.status, changed.text).toBe(200);
    expect(await session(phone)).toBeNull();
    // The session that made the change goes on (better-auth gives it a new token).
    expect(
      (await session(changed.headers.getSetCookie().length > 0 ? refreshed(laptop, changed.headers) : laptop)).user?.email,
    ).toBe(user.email);
  });

  it("keeps them only when the request asks to (revokeOtherSessions: false)", async () => {
    const user = person();
    await createUser(server.url, user);
    const laptop = await signIn(server.url, user.email, user.password);
    const phone = await signIn(server.url, user.email, user.password);
    const changed = await change(laptop, user.password, "a-new-password-for-sessions-3!", { revokeOtherSessions: false });
    expect(changed.status, changed.text).toBe(200);
    expect((await session(phone)).user?.email).toBe(user.email);
  });
});

/** The Cookie header after a response replaced some of its cookies. */
function refreshed(cookie: string, headers: Headers): string {
  const jar = new Map(cookie.split("; ").map((pair) => [pair.split("=")[0]!, pair] as const));
  for (const line of headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    jar.set(pair.split("=")[0]!, pair);
  }
  return [...jar.values()].join("; ");
}
