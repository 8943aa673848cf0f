import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  createSlot,
  createUser,
  signIn,
  startApiServer,
  unique,
  uniqueInstant,
  uniquePhone,
  type ApiOptions,
} from "./support/auth-client";
import { can, type Permission } from "@/lib/auth/permissions";
import type { TestServer } from "./support/server";

let server: TestServer;
const cookies = { admin: "", recruiter: "" };

beforeAll(async () => {
  server = await startApiServer();
  const recruiter = {
    name: "Rita Recruiter",
    email: "rita@example.com",
    password: "recruiter-pass-1",
    role: "recruiter" as const,
  };
  await createUser(server.url, recruiter);
  cookies.admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  cookies.recruiter = await signIn(server.url, recruiter.email, recruiter.password);
});

afterAll(async () => {
  await server?.stop();
});

type Caller = "nobody" | "wrong token" | "recruiter" | "admin" | "api token";

const credentials: Record<Caller, Pick<ApiOptions, "cookie" | "token">> = {
  nobody: {},
  "wrong token": { token: "not-the-api-token-but-just-as-long" },
  get recruiter() {
    return { cookie: cookies.recruiter };
  },
  get admin() {
    return { cookie: cookies.admin };
  },
  "api token": { token: API_TOKEN },
};

/** One request to make; `fresh` builds its fixture first, so destructive rows never share one. */
type Request = { method: string; path: string; body?: unknown };
type Endpoint = {
  route: string;
  /** Who may: "recruiter" means both roles, "admin" means admins only. */
  role: "recruiter" | "admin";
  success: number;
  fresh: () => Promise<Request>;
  /** Proves a refused request changed nothing. */
  unchanged?: (request: Request) => Promise<void>;
};

const candidateStillThere = async (request: Request) => {
  const id = /\/api\/candidates?\/(\d+)/.exec(request.path)![1];
  expect((await api(server.url, `/api/candidates/${id}`, { token: API_TOKEN })).status).toBe(200);
};

const candidateStatusIs = (status: string) => async (request: Request) => {
  const id = /\/api\/candidates?\/(\d+)/.exec(request.path)![1];
  expect((await api(server.url, `/api/candidates/${id}`, { token: API_TOKEN })).json.candidate.status).toBe(status);
};

const slotStillThere = async (request: Request) => {
  const id = Number(request.path.split("/").at(-1));
  const { json } = await api(server.url, "/api/slots", { token: API_TOKEN });
  expect(json.slots.map((slot: { id: number }) => slot.id)).toContain(id);
};

const newRecruiter = () => {
  const n = unique();
  return { name: `Staff ${n}`, email: `staff${n}@example.com`, password: "staff-password-1", role: "recruiter" as const };
};

const ENDPOINTS: Endpoint[] = [
  {
    route: "GET /api/candidates",
    role: "recruiter",
    success: 200,
    fresh: async () => ({ method: "GET", path: "/api/candidates" }),
  },
  {
    route: "POST /api/candidates",
    role: "recruiter",
    success: 201,
    fresh: async () => ({
      method: "POST",
      path: "/api/candidates",
      body: { name: `Matrix ${unique()}`, phone: uniquePhone(), interviewAt: uniqueInstant() },
    }),
    unchanged: async (request) => {
      const { phone } = request.body as { phone: string };
      const { json } = await api(server.url, `/api/candidates?q=${encodeURIComponent(phone)}`, { token: API_TOKEN });
      expect(json.total).toBe(0);
    },
  },
  {
    route: "GET /api/candidates/{id}",
    role: "recruiter",
    success: 200,
    fresh: async () => ({ method: "GET", path: `/api/candidates/${(await createCandidate(server.url)).id}` }),
  },
  {
    route: "DELETE /api/candidates/{id}",
    role: "admin",
    success: 204,
    fresh: async () => ({ method: "DELETE", path: `/api/candidates/${(await createCandidate(server.url)).id}` }),
    unchanged: candidateStillThere,
  },
  {
    route: "PUT /api/candidates/{id}/status",
    role: "admin",
    success: 200,
    fresh: async () => ({
      method: "PUT",
      path: `/api/candidates/${(await createCandidate(server.url)).id}/status`,
      body: { status: "confirmed", reason: "matrix" },
    }),
    unchanged: candidateStatusIs("pending"),
  },
  {
    route: "PUT /api/candidates/{id}/do-not-call",
    role: "recruiter",
    success: 200,
    fresh: async () => ({
      method: "PUT",
      path: `/api/candidates/${(await createCandidate(server.url)).id}/do-not-call`,
      body: { doNotCall: true, reason: "matrix" },
    }),
    unchanged: async (request) => {
      const id = /\/api\/candidates\/(\d+)/.exec(request.path)![1];
      expect((await api(server.url, `/api/candidates/${id}`, { token: API_TOKEN })).json.candidate.doNotCall).toBe(false);
    },
  },
  {
    route: "PUT /api/candidate/{id}/status",
    role: "admin",
    success: 200,
    fresh: async () => ({
      method: "PUT",
      path: `/api/candidate/${(await createCandidate(server.url)).id}/status`,
      body: { status: "declined", reason: "matrix" },
    }),
    unchanged: candidateStatusIs("pending"),
  },
  {
    route: "POST /api/candidates/{id}/reset",
    role: "admin",
    success: 200,
    fresh: async () => {
      const { id } = await createCandidate(server.url);
      await api(server.url, `/api/candidates/${id}/status`, { method: "PUT", token: API_TOKEN, body: { status: "confirmed" } });
      return { method: "POST", path: `/api/candidates/${id}/reset` };
    },
    unchanged: candidateStatusIs("confirmed"),
  },
  {
    route: "POST /api/candidates/reset-all",
    role: "admin",
    success: 200,
    fresh: async () => ({ method: "POST", path: "/api/candidates/reset-all", body: { reason: "matrix" } }),
  },
  {
    route: "PUT /api/candidates/{id}/slots",
    role: "admin",
    success: 200,
    fresh: async () => {
      const [candidate, slot] = await Promise.all([createCandidate(server.url), createSlot(server.url)]);
      return { method: "PUT", path: `/api/candidates/${candidate.id}/slots`, body: { slotIds: [slot.id] } };
    },
    unchanged: async (request) => {
      const { json } = await api(server.url, request.path.replace(/\/slots$/, ""), { token: API_TOKEN });
      expect(json.reschedulingSlots).toEqual([]);
    },
  },
  { route: "GET /api/slots", role: "recruiter", success: 200, fresh: async () => ({ method: "GET", path: "/api/slots" }) },
  {
    route: "POST /api/slots",
    role: "admin",
    success: 201,
    fresh: async () => ({ method: "POST", path: "/api/slots", body: { startsAt: uniqueInstant(), capacity: 2 } }),
    unchanged: async (request) => {
      const { startsAt } = request.body as { startsAt: string };
      const { json } = await api(server.url, "/api/slots", { token: API_TOKEN });
      expect(json.slots.map((slot: { startsAt: string }) => slot.startsAt)).not.toContain(startsAt);
    },
  },
  {
    route: "DELETE /api/slots/{id}",
    role: "admin",
    success: 204,
    fresh: async () => ({ method: "DELETE", path: `/api/slots/${(await createSlot(server.url)).id}` }),
    unchanged: slotStillThere,
  },
  { route: "GET /api/audit", role: "admin", success: 200, fresh: async () => ({ method: "GET", path: "/api/audit" }) },
  { route: "GET /api/users", role: "admin", success: 200, fresh: async () => ({ method: "GET", path: "/api/users" }) },
  {
    route: "POST /api/users",
    role: "admin",
    success: 201,
    fresh: async () => ({ method: "POST", path: "/api/users", body: newRecruiter() }),
    unchanged: async (request) => {
      const { email } = request.body as { email: string };
      const { json } = await api(server.url, "/api/users", { token: API_TOKEN });
      expect(json.users.map((user: { email: string }) => user.email)).not.toContain(email);
    },
  },
  {
    route: "PATCH /api/users/{id}",
    role: "admin",
    success: 200,
    fresh: async () => ({
      method: "PATCH",
      path: `/api/users/${await createUser(server.url, newRecruiter())}`,
      body: { role: "admin" },
    }),
    unchanged: async (request) => {
      const id = request.path.split("/").at(-1);
      const { json } = await api(server.url, "/api/users", { token: API_TOKEN });
      expect(json.users.find((user: { id: string }) => user.id === id)?.role).toBe("recruiter");
    },
  },
];

/** Every route.ts under `dir`, as a path relative to the repository. */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

type Handler = { route: string; method: string; url: string; permission: Permission | null };

/**
 * Every exported handler of app/api (better-auth's, the health check, the webhook and the self-service link aside:
 * the link's token is its credential, proved in tests/reach-self-service.test.ts), with the permission
 * its withPermission call names; re-exports (`export { PUT } from "…"`) are followed to the file they name.
 */
function handlersIn(file: string): Omit<Handler, "route" | "url">[] {
  const source = fs.readFileSync(file, "utf8");
  const reexport = /export \{ (\w+) \} from "(.+)"/.exec(source);
  if (reexport)
    return handlersIn(path.join(path.dirname(file), `${reexport[2]}.ts`)).filter((handler) => handler.method === reexport[1]);
  return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b([^\n]*)/g)].map(([, method, rest]) => ({
    method: method!,
    permission: (/withPermission(?:<[^>]*>)?\("([\w:]+)"/.exec(rest!)?.[1] as Permission | undefined) ?? null,
  }));
}

const HANDLERS: Handler[] = routeFiles("app/api")
  // The agent endpoints have their own door (AGENT_TOOL_TOKEN only): tests/agent-tools.test.ts sweeps them.
  .filter((file) => !/\/(auth|health|webhook|self-service|agent)\//.test(file))
  .flatMap((file) => {
    const route = `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, "{$1}");
    return handlersIn(file).map((handler) => ({
      ...handler,
      route: `${handler.method} ${route}`,
      url: route.replace(/\{\w+\}/g, "1"),
    }));
  });

const CALLERS: Caller[] = ["nobody", "wrong token", "recruiter", "admin", "api token"];

describe("the agent endpoints without AGENT_TOOL_TOKEN", () => {
  it.each(["GET /api/agent/slots", "POST /api/agent/book", "GET /api/agent/caller"])(
    "%s is closed to everyone: 503",
    async (route) => {
      const [method, url] = route.split(" ") as [string, string];
      for (const credentials of [{}, { token: API_TOKEN }, { cookie: cookies.admin }]) {
        const response = await api(server.url, `${url}?contact_number=%2B919800000101&execution_id=x`, {
          method,
          ...credentials,
          ...(method === "POST" ? { body: { execution_id: "x", slot_id: 1 } } : {}),
        });
        expect(response.status, response.text).toBe(503);
        expect(response.json.error?.code).toBe("agent_not_configured");
      }
    },
  );
});

type Expectation = { status: number; code?: string };

function expected(endpoint: Endpoint, caller: Caller): Expectation {
  if (caller === "nobody" || caller === "wrong token") return { status: 401, code: "unauthorized" };
  if (caller === "recruiter" && endpoint.role === "admin") return { status: 403, code: "forbidden" };
  return { status: endpoint.success };
}

const MATRIX = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => ({ route: endpoint.route, caller, endpoint, expectation: expected(endpoint, caller) })),
);

describe("the permission matrix", () => {
  it("names each endpoint's role as the route's own permission does", () => {
    for (const endpoint of ENDPOINTS) {
      const handler = HANDLERS.find((candidate) => candidate.route === endpoint.route);
      expect(handler, `${endpoint.route} is not in app/api`).toBeDefined();
      expect(handler!.permission, endpoint.route).not.toBeNull();
      expect(can("recruiter", handler!.permission!) ? "recruiter" : "admin", endpoint.route).toBe(endpoint.role);
    }
  });

  it.each(MATRIX)("$route as $caller → $expectation.status", async ({ endpoint, caller, expectation }) => {
    const request = await endpoint.fresh();
    const response = await api(server.url, request.path, { method: request.method, body: request.body, ...credentials[caller] });
    expect(response.status, response.text).toBe(expectation.status);
    if (expectation.code) {
      expect(response.json.error?.code).toBe(expectation.code);
      expect(response.json.error?.message).toEqual(expect.any(String));
      await endpoint.unchanged?.(request);
    }
  });
});

// Every handler in app/api, including ones added after this file was written: none answers without credentials,
// and none lets a recruiter do what its permission reserves for admins. (No fixtures: the guard runs first.)
describe("every route handler in app/api", () => {
  it("goes through withPermission", () => {
    expect(HANDLERS.length).toBeGreaterThanOrEqual(ENDPOINTS.length);
    expect(HANDLERS.filter((handler) => handler.permission === null).map((handler) => handler.route)).toEqual([]);
  });

  const SWEEP = HANDLERS.flatMap((handler) => [
    { ...handler, caller: "nobody" as const, status: 401, code: "unauthorized" },
    { ...handler, caller: "wrong token" as const, status: 401, code: "unauthorized" },
    ...(handler.permission && !can("recruiter", handler.permission)
      ? [{ ...handler, caller: "recruiter" as const, status: 403, code: "forbidden" }]
      : []),
  ]);

  it.each(SWEEP)("$route as $caller → $status", async ({ method, url, caller, status, code }) => {
    const response = await api(server.url, url, { method, ...credentials[caller], ...(method === "GET" ? {} : { body: {} }) });
    expect(response.status, response.text).toBe(status);
    expect(response.json.error?.code).toBe(code);
  });
});

describe("cross-site writes", () => {
  const FOREIGN = "https://evil.example";

  it("refuses a foreign Origin even with a valid admin session, and changes nothing", async () => {
    const phone = uniquePhone();
    const before = (await api(server.url, "/api/candidates", { token: API_TOKEN })).json.total as number;
    const created = await api(server.url, "/api/candidates", {
      method: "POST",
      cookie: cookies.admin,
      headers: { origin: FOREIGN },
      body: { name: "Cross Site", phone, interviewAt: uniqueInstant() },
    });
    expect(created.status).toBe(403);
    expect(created.json.error?.code).toBe("forbidden_origin");
    const after = await api(server.url, "/api/candidates", { token: API_TOKEN });
    expect(after.json.total).toBe(before);

    const victim = await createCandidate(server.url);
    const deleted = await api(server.url, `/api/candidates/${victim.id}`, {
      method: "DELETE",
      cookie: cookies.admin,
      headers: { origin: FOREIGN },
    });
    expect(deleted.status).toBe(403);
    expect(deleted.json.error?.code).toBe("forbidden_origin");
    expect((await api(server.url, `/api/candidates/${victim.id}`, { token: API_TOKEN })).status).toBe(200);

    const override = await api(server.url, `/api/candidate/${victim.id}/status`, {
      method: "PUT",
      cookie: cookies.admin,
      headers: { origin: FOREIGN },
      body: { status: "declined" },
    });
    expect(override.status).toBe(403);
    expect((await api(server.url, `/api/candidates/${victim.id}`, { token: API_TOKEN })).json.candidate.status).toBe("pending");
  });

  it("refuses a write marked Sec-Fetch-Site: cross-site", async () => {
    const victim = await createCandidate(server.url);
    const response = await api(server.url, `/api/candidates/${victim.id}/status`, {
      method: "PUT",
      cookie: cookies.admin,
      headers: { "sec-fetch-site": "cross-site" },
      body: { status: "declined" },
    });
    expect(response.status).toBe(403);
    expect(response.json.error?.code).toBe("forbidden_origin");
    expect((await api(server.url, `/api/candidates/${victim.id}`, { token: API_TOKEN })).json.candidate.status).toBe("pending");
  });

  it("refuses an opaque Origin: null", async () => {
    const response = await api(server.url, "/api/slots", {
      method: "POST",
      cookie: cookies.admin,
      headers: { origin: "null" },
      body: { startsAt: uniqueInstant() },
    });
    expect(response.status).toBe(403);
    expect(response.json.error?.code).toBe("forbidden_origin");
  });

  it("accepts a same-origin write from the signed-in browser", async () => {
    const phone = uniquePhone();
    const response = await api(server.url, "/api/candidates", {
      method: "POST",
      cookie: cookies.recruiter,
      headers: { origin: server.url, "sec-fetch-site": "same-origin" },
      body: { name: "Same Origin", phone, interviewAt: uniqueInstant() },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.candidate.phone).toBe(phone);
  });
});

describe("credentials", () => {
  it("does not fall back to the session cookie when the bearer token is wrong", async () => {
    const response = await api(server.url, "/api/audit", { cookie: cookies.admin, token: "wrong-token-wrong-token-wrong" });
    expect(response.status).toBe(401);
    expect(response.json.error?.code).toBe("unauthorized");
  });

  it.each(["Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer  "])("treats Authorization: %s as nobody", async (authorization) => {
    const response = await api(server.url, "/api/candidates", { cookie: cookies.admin, headers: { authorization } });
    expect(response.status).toBe(401);
  });

  it("refuses a forged session cookie", async () => {
    const forged = cookies.admin.replace(/callboard\.session_token=([^.;]+)/, "callboard.session_token=forged$1");
    expect(forged).not.toBe(cookies.admin);
    expect((await api(server.url, "/api/candidates", { cookie: forged })).status).toBe(401);
  });
});

describe("the error convention", () => {
  it("answers an unknown API path with a JSON 404", async () => {
    const response = await api(server.url, "/api/no-such-endpoint", { token: API_TOKEN });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.json.error?.code).toEqual(expect.any(String));
  });

  // Next answers a method a route does not export with a bare 405 (no body, no Allow header); each route file
  // exports otherMethods(…) for the methods it does not serve.
  it("answers an unsupported method with a JSON 405", async () => {
    const response = await api(server.url, "/api/candidates", { method: "PATCH", token: API_TOKEN, body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.json.error).toEqual({ code: "method_not_allowed", message: expect.stringContaining("PATCH") });
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
  });

  // Every route in app/api (the catch-all is all 404s; the webhook's answers come from Callboard's own server), so that
  // a new route cannot forget it: without credentials a served method answers anything but 405 (mostly 401),
  // every other one a JSON 405 whose Allow, like OPTIONS's, names exactly the served ones.
  const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
  const ROUTE_URLS = routeFiles("app/api")
    .filter((file) => !/\/\[\.\.\.unknown\]\//.test(file))
    .map((file) => `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[\.\.\.\w+\]/g, "x").replace(/\[\w+\]/g, "1"));

  it.each(ROUTE_URLS)("%s: every method it does not serve is a JSON 405 with a truthful Allow", async (url) => {
    const served: string[] = [];
    for (const method of METHODS) {
      const response = await api(server.url, url, { method, ...(method === "GET" ? {} : { body: {} }) });
      if (response.status !== 405) {
        served.push(method);
        continue;
      }
      expect(response.json.error?.code, `${method} ${url}`).toBe("method_not_allowed");
    }
    expect(served.length, url).toBeGreaterThan(0);
    const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
    const options = await api(server.url, url, { method: "OPTIONS" });
    expect(options.status, url).toBe(204);
    expect(options.headers.get("allow"), url).toBe(allow);
    const refused = METHODS.filter((method) => !served.includes(method));
    for (const method of refused) {
      const response = await api(server.url, url, { method, ...(method === "GET" ? {} : { body: {} }) });
      expect(response.headers.get("allow"), `${method} ${url}`).toBe(allow);
    }
  });
});

describe("health", () => {
  it("answers without credentials: the contract's check with the event loop's lag, liveness and readiness", async () => {
    const response = await api(server.url, "/api/health");
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ ok: true, eventLoopLagMs: expect.any(Number) });
    const live = await api(server.url, "/api/health/live");
    expect(live.status).toBe(200);
    expect(live.json).toMatchObject({ ok: true, eventLoopLagMs: expect.any(Number) });
    const ready = await api(server.url, "/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({
      ok: true,
      checks: {
        database: { ok: true },
        disk: { ok: true },
        eventLoop: { ok: true },
        mail: { ok: true, queued: 0 },
        shedding: { ok: true, active: false },
      },
    });
    // What deploy/callboard.service runs after the start: it returns once readiness answers 200.
    const waited = spawnSync(process.execPath, ["deploy/wait-until-ready.mjs"], {
      env: { ...process.env, HOSTNAME: "127.0.0.1", PORT: new URL(server.url).port },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(waited.status, waited.stderr).toBe(0);
  });
});
