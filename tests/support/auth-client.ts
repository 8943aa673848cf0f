import { startServer, type TestServer } from "./server";

/** Credentials every API test server starts with: the machine token and the first admin (ADMIN_EMAIL). */
export const API_TOKEN = "test-api-token-0123456789abcdef";
export const ADMIN = { email: "first.admin@example.com", password: "admin-password-1" } as const;

/**
 * A production server with the API token, the first admin and loopback webhooks (the test process is loopback).
 * TEST is cleared: vitest sets TEST=true, startServer passes the environment on, and better-auth switches its
 * Origin/CSRF checks off when TEST is set (see the bug proof in tests/api-auth.test.ts).
 */
export function startApiServer(extra: Record<string, string> = {}): Promise<TestServer> {
  return startServer({
    API_TOKEN,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    WEBHOOK_ALLOW_LOOPBACK: "true",
    INTERVIEW_TIMEZONE: "UTC",
    TEST: "",
    ...extra,
  });
}

type ApiError = { code: string; message: string; field?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the tests, not typed
export type Json = Record<string, any> & { error?: ApiError };
export type ApiResponse = { status: number; json: Json; headers: Headers; text: string };

export type ApiOptions = {
  method?: string;
  /** An object is sent as JSON; a string is sent as it is (with a JSON content type unless headers say otherwise). */
  body?: unknown;
  /** A Cookie header value, as signIn returns it. */
  cookie?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
};

/** One request to the server; the body is parsed as JSON when it is JSON (an empty body is `{}`). */
export async function api(baseUrl: string, path: string, options: ApiOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, options.headers);
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    redirect: "manual",
  });
  const text = await response.text();
  let json: Json = {};
  try {
    if (text) json = JSON.parse(text) as Json;
  } catch {
    json = {};
  }
  return { status: response.status, json, headers: response.headers, text };
}

/** A page's HTML as text reads, without the comments React puts between text and values ("Hello <!-- -->Maya"). */
export const htmlText = (html: string) => html.replaceAll("<!-- -->", "");

/** The Cookie header value that replays every cookie a response set (deleted cookies left out). */
export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!.trim())
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

/** A sign-in attempt as a browser on the same origin makes it; returns the raw answer. */
export function attemptSignIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}) {
  return api(baseUrl, "/api/auth/sign-in/email", {
    method: "POST",
    body: { email, password },
    headers: { origin: baseUrl, ...headers },
  });
}

/** Signs in and returns the Cookie header value of the new session; throws when the sign-in is refused. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await attemptSignIn(baseUrl, email, password);
  const cookie = cookieFrom(response.headers);
  if (response.status !== 200 || !cookie.includes("callboard.session_token=")) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${response.text}`);
  }
  return cookie;
}

export type NewUser = { name: string; email: string; password: string; role: "recruiter" | "admin" };

/** Creates a user through POST /api/users with the API token; returns its id. */
export async function createUser(baseUrl: string, user: NewUser): Promise<string> {
  const response = await api(baseUrl, "/api/users", { method: "POST", token: API_TOKEN, body: user });
  if (response.status !== 201) throw new Error(`creating ${user.email} failed: ${response.status} ${response.text}`);
  return response.json.user.id as string;
}

let sequence = 0;

/** A number unique within this test process, for phones, emails and slot times that must not collide. */
export function unique(): number {
  sequence += 1;
  return sequence;
}

/** An Indian mobile number no other candidate in this process uses (the demo data uses +9198000001xx). */
export function uniquePhone(): string {
  return `+9191${String(process.pid % 10_000).padStart(4, "0")}${String(unique()).padStart(4, "0")}`;
}

/** An instant outside the demo slot pool (December 2025), so creating a candidate never hits a full slot. */
export function uniqueInstant(): string {
  return new Date(Date.UTC(2027, 0, 1) + unique() * 3_600_000).toISOString();
}

/** Creates a candidate with the API token and returns it (as the API spells it). */
export async function createCandidate(baseUrl: string, overrides: Record<string, unknown> = {}): Promise<Json> {
  const body = { name: `Fixture Candidate ${unique()}`, phone: uniquePhone(), interviewAt: uniqueInstant(), ...overrides };
  const response = await api(baseUrl, "/api/candidates", { method: "POST", token: API_TOKEN, body });
  if (response.status !== 201) throw new Error(`creating a candidate failed: ${response.status} ${response.text}`);
  return response.json.candidate as Json;
}

/** Creates an interview slot with the API token and returns it. */
export async function createSlot(baseUrl: string, startsAt = uniqueInstant(), capacity?: number): Promise<Json> {
  const response = await api(baseUrl, "/api/slots", { method: "POST", token: API_TOKEN, body: { startsAt, capacity } });
  if (response.status !== 201) throw new Error(`creating a slot failed: ${response.status} ${response.text}`);
  return response.json.slot as Json;
}
