import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  attemptSignIn,
  cookieFrom,
  createUser,
  signIn,
  startApiServer,
  type Json,
  type NewUser,
} from "./support/auth-client";
import type { TestServer } from "./support/server";

// better-auth allows 30 sign-ins a minute from one IP, and every request here comes from 127.0.0.1: this file
// signs in about 20 times, so each test uses its own user and signs in only as often as it must.
let server: TestServer;
/** The same server with TEST=true in its environment, as under vitest, CI runners and some hosts. */
let relaxed: TestServer;
let adminCookie: string;
const FOREIGN = "https://evil.example";

beforeAll(async () => {
  // One after the other: two production servers starting at once are slow on a small machine.
  server = await startApiServer();
  relaxed = await startApiServer({ TEST: "true" });
  adminCookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  await Promise.all([server?.stop(), relaxed?.stop()]);
});

let people = 0;
/** A new user made through the API, with an email and a password of their own. */
async function newUser(role: NewUser["role"] = "recruiter") {
  people += 1;
  const person = { name: `Person ${people}`, email: `person${people}@example.com`, password: `password-of-${people}!`, role };
  return { ...person, id: await createUser(server.url, person) };
}

const candidatesAs = (cookie: string) => api(server.url, "/api/candidates", { cookie });
const patchUser = (id: string, body: unknown) =>
  api(server.url, `/api/users/${id}`, { method: "PATCH", cookie: adminCookie, body });
const users = async () => (await api(server.url, "/api/users", { token: API_TOKEN })).json.users as Json[];
const authPost = (path: string, cookie: string, body: unknown = {}) =>
  api(server.url, `/api/auth/${path}`, { method: "POST", cookie, body, headers: { origin: server.url } });

describe("sign-in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie (not Secure on plain http) that authenticates", async () => {
    const person = await newUser();
    const response = await attemptSignIn(server.url, person.email, person.password);
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((line) => line.startsWith("callboard.session_token="));
    expect(session).toBeDefined();
    const attributes = session!.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure");

    const list = await candidatesAs(cookieFrom(response.headers));
    expect(list.status).toBe(200);
    expect(list.json.total).toBeGreaterThanOrEqual(8);
  });

  it("refuses a wrong password with 401 and sets no session", async () => {
    const response = await attemptSignIn(server.url, ADMIN.email, "not-the-password");
    expect(response.status).toBe(401);
    expect(cookieFrom(response.headers)).not.toContain("callboard.session_token=");
  });

  it("refuses a sign-in from a foreign Origin", async () => {
    const response = await attemptSignIn(server.url, ADMIN.email, ADMIN.password, { origin: FOREIGN });
    expect(response.status).toBe(403);
    expect(response.json.code).toBe("INVALID_ORIGIN");
    expect(cookieFrom(response.headers)).toBe("");
  });

  it("refuses a sign-in from a foreign Origin even when the environment has TEST set", async () => {
    const response = await attemptSignIn(relaxed.url, ADMIN.email, ADMIN.password, { origin: FOREIGN });
    expect(response.status).toBe(403);
  });

  it("locks the account after 5 failures whatever X-Forwarded-For says, even for the right password", async () => {
    const person = await newUser();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await attemptSignIn(server.url, person.email, "wrong-password!", {
        "x-forwarded-for": `203.0.113.${attempt}`,
      });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const locked = await attemptSignIn(server.url, person.email.toUpperCase(), person.password, {
      "x-forwarded-for": "198.51.100.7",
    });
    expect(locked.status).toBe(429);
    expect(locked.json.code).toBe("ACCOUNT_LOCKED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(cookieFrom(locked.headers)).toBe("");

    // The lock is per account: someone else signs in from the same address.
    expect(await signIn(server.url, ADMIN.email, ADMIN.password)).toContain("callboard.session_token=");
  });
});

describe("sessions", () => {
  it("signing out ends the session", async () => {
    const person = await newUser();
    const cookie = await signIn(server.url, person.email, person.password);
    expect((await candidatesAs(cookie)).status).toBe(200);
    const out = await authPost("sign-out", cookie);
    expect(out.status).toBe(200);
    const stale = await candidatesAs(cookie);
    expect(stale.status).toBe(401);
    expect(stale.json.error?.code).toBe("unauthorized");
  });

  it("a deactivated user loses the session at once and cannot sign in again", async () => {
    const person = await newUser();
    const cookie = await signIn(server.url, person.email, person.password);
    expect((await candidatesAs(cookie)).status).toBe(200);

    const patched = await patchUser(person.id, { active: false });
    expect(patched.status).toBe(200);
    expect(patched.json.user).toMatchObject({ id: person.id, banned: true });
    expect((await candidatesAs(cookie)).status).toBe(401);

    const again = await attemptSignIn(server.url, person.email, person.password);
    expect(again.status).toBe(403);
    expect(again.json.code).toBe("BANNED_USER");
    expect(cookieFrom(again.headers)).not.toContain("callboard.session_token=");
    expect((await users()).find((user) => user.id === person.id)).toMatchObject({ banned: true });
  });

  it("a role change takes effect on the session's next request", async () => {
    const person = await newUser("recruiter");
    const cookie = await signIn(server.url, person.email, person.password);
    const before = await api(server.url, "/api/audit", { cookie });
    expect(before.status).toBe(403);
    expect(before.json.error?.code).toBe("forbidden");

    expect((await patchUser(person.id, { role: "admin" })).json.user).toMatchObject({ role: "admin" });
    expect((await api(server.url, "/api/audit", { cookie })).status).toBe(200);

    expect((await patchUser(person.id, { role: "recruiter" })).status).toBe(200);
    expect((await api(server.url, "/api/audit", { cookie })).status).toBe(403);
    expect((await candidatesAs(cookie)).status).toBe(200);
  });
});

describe("user management", () => {
  it("refuses a duplicate email and a short password", async () => {
    const duplicate = await api(server.url, "/api/users", {
      method: "POST",
      token: API_TOKEN,
      body: { name: "Again", email: ADMIN.email.toUpperCase(), password: "long-enough-1", role: "recruiter" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error?.code).toBe("conflict");
    const short = await api(server.url, "/api/users", {
      method: "POST",
      token: API_TOKEN,
      body: { name: "Short", email: "short@example.com", password: "short", role: "recruiter" },
    });
    expect(short.status).toBe(422);
    expect(short.json.error?.field).toBe("password");
  });

  it("answers 404 for a user that does not exist and 422 for an empty change", async () => {
    expect((await patchUser("no-such-user", { active: true })).status).toBe(404);
    const person = await newUser();
    const empty = await patchUser(person.id, {});
    expect(empty.status).toBe(422);
    expect(empty.json.error?.code).toBe("validation_failed");
  });

  it("never demotes or deactivates the last active admin", async () => {
    const me = (await users()).find((user) => user.email === ADMIN.email)!;
    // Leave ADMIN as the only active admin (demo mode also creates admin@demo.callboard.test).
    for (const other of (await users()).filter((user) => user.role === "admin" && !user.banned && user.id !== me.id)) {
      expect((await patchUser(other.id, { active: false })).status).toBe(200);
    }
    const demote = await patchUser(me.id, { role: "recruiter" });
    expect(demote.status).toBe(409);
    expect(demote.json.error?.code).toBe("last_admin");
    const deactivate = await patchUser(me.id, { active: false });
    expect(deactivate.status).toBe(409);
    expect(deactivate.json.error?.code).toBe("last_admin");
    expect((await users()).find((user) => user.id === me.id)).toMatchObject({ role: "admin", banned: false });
    expect((await api(server.url, "/api/audit", { cookie: adminCookie })).status).toBe(200);

    // With a second admin, the first may step down.
    const deputy = await newUser("admin");
    expect((await patchUser(me.id, { role: "recruiter" })).status).toBe(200);
    expect((await api(server.url, "/api/users", { cookie: adminCookie })).status).toBe(403);
    expect(
      (await api(server.url, `/api/users/${me.id}`, { method: "PATCH", token: API_TOKEN, body: { role: "admin" } })).status,
    ).toBe(200);
    expect((await api(server.url, "/api/users", { cookie: adminCookie })).status).toBe(200);
    expect(deputy.role).toBe("admin");
  });

  // Sign-up is not an endpoint Callboard serves at all any more (it was better-auth's 400 before).
  it("refuses public sign-up", async () => {
    const response = await api(server.url, "/api/auth/sign-up/email", {
      method: "POST",
      body: { name: "Stranger", email: "stranger@example.com", password: "stranger-pass-1" },
      headers: { origin: server.url },
    });
    expect(response.status).toBe(404);
    expect(response.json.error?.code).toBe("not_found");
    expect(cookieFrom(response.headers)).toBe("");
    expect((await users()).map((user) => user.email)).not.toContain("stranger@example.com");
  });
});

describe("password change", () => {
  it("changes the password, signs out the other sessions, and the old password stops working", async () => {
    const person = await newUser();
    const laptop = await signIn(server.url, person.email, person.password);
    const phone = await signIn(server.url, person.email, person.password);
    const newPassword = `${person.password}-renewed`;

    const changed = await authPost("change-password", laptop, {
      currentPassword: person.password,
      newPassword,
      revokeOtherSessions: true,
    });
    expect(changed.status, changed.text).toBe(200);
    const renewed = cookieFrom(changed.headers);
    expect(renewed).toContain("callboard.session_token=");

    expect((await candidatesAs(renewed)).status).toBe(200);
    expect((await candidatesAs(phone)).status).toBe(401);

    expect((await attemptSignIn(server.url, person.email, person.password)).status).toBe(401);
    expect(await signIn(server.url, person.email, newPassword)).toContain("callboard.session_token=");
  });

  it("refuses a change or a sign-out sent from a foreign Origin", async () => {
    const person = await newUser();
    const cookie = await signIn(server.url, person.email, person.password);
    const change = await api(server.url, "/api/auth/change-password", {
      method: "POST",
      cookie,
      headers: { origin: FOREIGN },
      body: { currentPassword: person.password, newPassword: "attacker-chosen-1", revokeOtherSessions: true },
    });
    expect(change.status).toBe(403);
    const signOut = await api(server.url, "/api/auth/sign-out", {
      method: "POST",
      cookie,
      headers: { origin: FOREIGN },
      body: {},
    });
    expect(signOut.status).toBe(403);
    expect((await candidatesAs(cookie)).status).toBe(200);
    expect((await attemptSignIn(server.url, person.email, "attacker-chosen-1")).status).toBe(401);
  });

  it("refuses a change with the wrong current password", async () => {
    const person = await newUser();
    const cookie = await signIn(server.url, person.email, person.password);
    const refused = await authPost("change-password", cookie, {
      currentPassword: "not-my-password",
      newPassword: "whatever-new-1",
    });
    expect(refused.status).toBe(400);
    expect(await signIn(server.url, person.email, person.password)).toContain("callboard.session_token=");
  });
});
