import { expect, vi } from "vitest";
import { API_TOKEN, api, type Json } from "./auth-client";

let serial = 0;

/**
 * A phone number unique to this test process whose last digit picks the simulator's scenario (see
 * lib/bolna/simulator/scenarios.ts: 1 and 7 confirmed, 2 no answer, 5 declined, …).
 */
export function phoneEnding(digit: number): string {
  serial += 1;
  return `+919${String(process.pid % 100_000).padStart(5, "0")}${String(serial).padStart(3, "0")}${digit}`;
}

/** `GET /api/candidates/{id}` (as the API token) until `done` holds; returns that answer. */
export async function waitForCandidate(
  baseUrl: string,
  id: number,
  done: (json: Json) => boolean,
  timeout = 15_000,
): Promise<Json> {
  let last: Json = {};
  await vi.waitFor(
    async () => {
      last = (await api(baseUrl, `/api/candidates/${id}`, { token: API_TOKEN })).json;
      expect(done(last)).toBe(true);
    },
    { timeout, interval: 50 },
  );
  return last;
}
