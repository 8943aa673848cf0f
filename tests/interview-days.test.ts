import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  htmlText,
  signIn,
  startApiServer,
  unique,
  type Json,
} from "./support/auth-client";
import type { TestServer } from "./support/server";

/**
 * "Who is coming tomorrow?" over HTTP: GET /api/candidates, the CSV export and the board filter by the interview's
 * day on the team's clock (INTERVIEW_TIMEZONE, here India: its days begin at 18:30 UTC), both ends included, and
 * the board's counts follow the filter.
 */
let server: TestServer;
let cookie: string;
const tag = `Days${unique()}`;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", INTERVIEW_TIMEZONE: "Asia/Kolkata" });
  cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
  for (const [name, interviewAt] of [
    ["Early", "2027-02-10T19:00:00Z"], // 11 Feb, 00:30 in India (still 10 Feb in UTC)
    ["Noon", "2027-02-11T10:00:00Z"], // 11 Feb, 15:30
    ["Late", "2027-02-11T19:00:00Z"], // 12 Feb, 00:30 (still 11 Feb in UTC)
    ["Saturday", "2027-02-13T04:00:00Z"], // 13 Feb, 09:30
  ] as const) {
    ids[name] = (await createCandidate(server.url, { name: `${tag} ${name}`, interviewAt })).id;
  }
  const confirmed = await api(server.url, `/api/candidates/${ids.Noon}/status`, {
    method: "PUT",
    token: API_TOKEN,
    body: { status: "confirmed", reason: "Said yes on the phone" },
  });
  expect(confirmed.status).toBe(200);
});

afterAll(() => server?.stop());

const names = (candidates: Json[]) => candidates.map((candidate) => (candidate.name as string).replace(`${tag} `, ""));
const list = async (query: string) => (await api(server.url, `/api/candidates?q=${tag}&${query}`, { token: API_TOKEN })).json;

describe("GET /api/candidates?interviewFrom=&interviewTo=", () => {
  it("reads the days on the team's clock, both ends included", async () => {
    const eleventh = await list("interviewFrom=2027-02-11&interviewTo=2027-02-11");
    expect(names(eleventh.candidates)).toEqual(["Early", "Noon"]);
    expect(eleventh.total).toBe(2);
    expect(names((await list("interviewFrom=2027-02-12")).candidates)).toEqual(["Late", "Saturday"]);
    expect(names((await list("interviewTo=2027-02-11")).candidates)).toEqual(["Early", "Noon"]);
    expect(names((await list("interviewFrom=2027-02-11&interviewTo=2027-02-13")).candidates)).toEqual([
      "Early",
      "Noon",
      "Late",
      "Saturday",
    ]);
    expect(names((await list("interviewFrom=2027-02-11&interviewTo=2027-02-12&status=pending")).candidates)).toEqual([
      "Early",
      "Late",
    ]);
  });

  it("refuses a day that is not one, or a range that ends before it starts, naming the parameter", async () => {
    for (const [query, field] of [
      ["interviewFrom=2027-02-30", "interviewFrom"],
      ["interviewTo=tomorrow", "interviewTo"],
      ["interviewFrom=2027-02-12&interviewTo=2027-02-11", "interviewTo"],
    ] as const) {
      const refused = await api(server.url, `/api/candidates?${query}`, { token: API_TOKEN });
      expect(refused.status, query).toBe(422);
      expect(refused.json.error).toMatchObject({ code: "validation_failed", field });
    }
  });
});

describe("the CSV export", () => {
  it("holds only the interviews of the days asked for", async () => {
    const response = await api(server.url, `/api/candidates/export?q=${tag}&interviewFrom=2027-02-12&interviewTo=2027-02-12`, {
      token: API_TOKEN,
    });
    expect(response.status).toBe(200);
    const rows = response.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(rows.map((row) => row.split(",")[0])).toEqual([`${tag} Late`]);
  });
});

describe("the board", () => {
  const board = async (query: string) => htmlText((await api(server.url, `/?q=${tag}&${query}`, { headers: { cookie } })).text);
  const count = (html: string, status: string) =>
    Number(new RegExp(`data-testid="count-${status}"[^>]*>(\\d+)<`).exec(html)?.[1]);

  it("counts the candidates of the days it shows", async () => {
    const eleventh = await board("interviewFrom=2027-02-11&interviewTo=2027-02-11");
    expect([count(eleventh, "pending"), count(eleventh, "confirmed")]).toEqual([1, 1]);
    expect(eleventh).toContain("Counts of candidates with an interview on Thu 11 Feb 2027.");
    expect(eleventh).toContain(`${tag} Early`);
    expect(eleventh).not.toContain(`${tag} Late`);
    const all = await board("");
    expect([count(all, "pending"), count(all, "confirmed")]).toEqual([3, 1]);
  });

  it("offers today, tomorrow and this week on the team's clock", async () => {
    const html = await board("");
    const day = (offset: number) =>
      new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", year: "numeric", month: "2-digit", day: "2-digit" }).format(
        new Date(Date.now() + offset * 86_400_000),
      );
    expect(html).toContain(`interviewFrom=${day(1)}&amp;interviewTo=${day(1)}`);
    expect(html).toContain(">Tomorrow</a>");
    expect(html).toContain("Interview day (");
  });
});
