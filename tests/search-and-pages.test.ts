import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  createUser,
  signIn,
  startApiServer,
  unique,
  type Json,
} from "./support/auth-client";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

/** The search box's small things, page titles, and pages only admins may open. */
let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", DEFAULT_COUNTRY: "IN" });
});

afterAll(() => server?.stop());

const search = async (q: string) =>
  ((await api(server.url, `/api/candidates?q=${encodeURIComponent(q)}`, { token: API_TOKEN })).json.candidates as Json[]).map(
    (candidate) => candidate.name as string,
  );

describe("search", () => {
  it("folds diacritics both ways", async () => {
    const tag = `Q${unique()}`;
    await createCandidate(server.url, { name: `Jürgen Müller ${tag}` });
    await createCandidate(server.url, { name: `Zoe Muller ${tag}` });
    expect((await search(`muller ${tag}`)).sort()).toEqual([`Jürgen Müller ${tag}`, `Zoe Muller ${tag}`].sort());
    expect((await search(`Müller ${tag}`)).sort()).toEqual([`Jürgen Müller ${tag}`, `Zoe Muller ${tag}`].sort());
    expect(await search(`jurgen muller ${tag}`)).toEqual([`Jürgen Müller ${tag}`]);
  });

  it("finds a phone written the national way", async () => {
    await createCandidate(server.url, { name: "Nitin Gowda", phone: "+919800000101" });
    for (const typed of ["09800000101", "98000 00101", "+91 98000-00101", "(098000) 00101", "9800000101"]) {
      expect(await search(typed), typed).toEqual(["Nitin Gowda"]);
    }
  });

  it("finds a call by the start of its execution id, and never a phone that merely has its digits", async () => {
    const caller = await createCandidate(server.url, { name: "Farah Siddiqui" });
    await createCandidate(server.url, { name: "Unrelated Phone Owner", phone: "+919812340000" });
    const executionId = `1234abcd-${crypto.randomUUID().slice(9)}`;
    expect((await postWebhook(server.url, retarget(loadPayload("01-queued"), executionId, caller.phone))).status).toBe(200);
    expect(await search("1234abcd")).toEqual(["Farah Siddiqui"]);
    expect(await search(executionId)).toEqual(["Farah Siddiqui"]);
    expect(await search("1234abcd-0000")).toEqual([]);
  });
});

describe("pages", () => {
  const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";

  it("say Callboard once in their titles", async () => {
    const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
    const candidate = await createCandidate(server.url, { name: "Title Check" });
    for (const path of [
      "/",
      "/review",
      "/outbox",
      "/inbox",
      "/slots",
      "/batches",
      "/admin/users",
      `/candidates/${candidate.id}`,
    ]) {
      const title = titleOf((await api(server.url, path, { headers: { cookie } })).text);
      expect(title.match(/Callboard/g), `${path}: ${title}`).toHaveLength(1);
    }
    expect(titleOf((await api(server.url, "/sign-in")).text)).toBe("Sign in · Callboard");
  });

  it("only admins may open answer 403 to a recruiter, with a page that says why", async () => {
    const email = `recruiter-${unique()}@example.com`;
    await createUser(server.url, { name: "Rita Recruiter", email, password: "recruiter-password-1", role: "recruiter" });
    const recruiter = await signIn(server.url, email, "recruiter-password-1");
    const admin = await signIn(server.url, ADMIN.email, ADMIN.password);
    for (const path of ["/admin/users", "/outbox", "/inbox"]) {
      const refused = await api(server.url, path, { headers: { cookie: recruiter } });
      expect(refused.status, path).toBe(403);
      expect(refused.text).toContain("Your role does not give access to this page.");
      expect((await api(server.url, path, { headers: { cookie: admin } })).status, path).toBe(200);
    }
    expect((await api(server.url, "/slots", { headers: { cookie: recruiter } })).status).toBe(200);
  });
});
