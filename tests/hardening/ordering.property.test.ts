import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { applyExecution } from "@/lib/calls/apply-execution";
import { slotToInstant } from "@/lib/time/slot-time";
import { insertCandidate, openTestDatabase } from "../support/database";
import {
  LONG,
  auditRows,
  callRow,
  callViewAnonymous,
  candidateRow,
  candidateView,
  eventRows,
  integrityCheck,
  isRealChange,
  seedFor,
} from "../support/hardening-db";
import { tempDir } from "../support/temp-database";
import {
  deliveryOf,
  deliveryOrderArb,
  lifecycleArb,
  lifecycleBodies,
  retriedLifecycleArb,
  retriedLifecycleBodies,
  type EventBody,
  type Lifecycle,
} from "../support/lifecycle";
import { startServer, type TestServer } from "../support/server";
import { postWebhook } from "../support/webhook-client";

/**
 * Bolna delivers one event per status change, in no guaranteed order and sometimes twice (reference §2, §4).
 * Whatever the order and the duplicates, the call and the candidate must end where the in-order delivery ends,
 * and the audit trail must only record real changes.
 */

const ZONE = "Asia/Kolkata";
const CONFIG = { timezone: ZONE, defaultCountry: "IN" };
const ORIGINAL_INTERVIEW = new Date("2025-12-15T14:00:00Z");

const IN_PROCESS_RUNS = LONG ? 3000 : 300;
const RETRIED_RUNS = LONG ? 2000 : 200;
const TWO_CALL_RUNS = LONG ? 1500 : 150;
const HTTP_RUNS = LONG ? 200 : 20;
const TIMEOUT = LONG ? 1_200_000 : 120_000;

function freshBodies(lifecycle: Lifecycle, phone: string) {
  return lifecycleBodies(lifecycle, crypto.randomUUID(), phone);
}

function stateOf(db: Db, candidateId: number, executionId: string) {
  const candidate = candidateView(db, candidateId);
  const call = callRow(db, executionId);
  const row = candidateRow(db, candidateId);
  return {
    candidate,
    call: call ? callViewAnonymous(call) : null,
    latestIsThisCall: call !== undefined && row.latestCallId === call.id,
  };
}

/** What the lifecycle's terminal event says the candidate's interview becomes (null: unchanged). */
function rescheduledTo(lifecycle: Lifecycle): Date | null {
  const ending = lifecycle.ending;
  if (ending?.kind !== "rescheduled") return null;
  return slotToInstant(ending.date, ending.time, ZONE);
}

describe("ordering and duplicates, in process on a real SQLite file", () => {
  let db: Db;
  let file: string;

  beforeAll(() => {
    file = path.join(tempDir("ordering"), "ordering.db");
    db = openDatabase(file, "NORMAL");
  });

  afterAll(() => {
    db?.$client.close();
    if (!file) return;
    expect(integrityCheck(file)).toBe("ok");
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it(
    `any permutation with duplicates ends in the in-order state (${IN_PROCESS_RUNS} lifecycles)`,
    () => {
      const arb = lifecycleArb.chain((lifecycle) => {
        const count = lifecycleBodies(lifecycle, "x", "+910000000000").length;
        return fc.tuple(fc.constant(lifecycle), deliveryOrderArb(count));
      });
      fc.assert(
        fc.property(arb, ([lifecycle, order]) => {
          const reference = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const referenceBodies = freshBodies(lifecycle, reference.phone);
          for (const body of referenceBodies) applyExecution(db, deliveryOf(body), CONFIG);
          const expected = stateOf(db, reference.id, referenceBodies[0]!.id);
          const expectedAudit = auditRows(db, reference.id);

          const subject = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const bodies = freshBodies(lifecycle, subject.phone);
          const results = order.map((index) => applyExecution(db, deliveryOf(bodies[index]!), CONFIG).result);
          const actual = stateOf(db, subject.id, bodies[0]!.id);

          expect(actual).toEqual(expected);
          // The call's outcome is the ending's, whatever the order.
          const moved = rescheduledTo(lifecycle);
          if (moved && lifecycle.ending) {
            expect(actual.candidate.interviewAt).toBe(moved.toISOString());
            expect(actual.candidate.originalInterviewAt).toBe(ORIGINAL_INTERVIEW.toISOString());
          }

          // Every delivery is kept; a repeat is a duplicate that stores no second body.
          const events = eventRows(db, bodies[0]!.id);
          expect(events).toHaveLength(order.length);
          const seen = new Set<number>();
          order.forEach((index, position) => {
            expect(results[position], `delivery #${position} (event ${index})`).toEqual(
              seen.has(index) ? "duplicate" : expect.stringMatching(/^(applied|stale)$/),
            );
            seen.add(index);
          });
          expect(events.filter((event) => event.rawBody !== null)).toHaveLength(bodies.length);

          // The audit trail: only real changes, never more of them than the in-order delivery wrote.
          const audit = auditRows(db, subject.id);
          expect(audit.filter((entry) => !isRealChange(entry))).toEqual([]);
          expect(audit.length).toBeLessThanOrEqual(expectedAudit.length);
          if (audit.length > 0) expect(audit.at(-1)!.toStatus).toBe(actual.candidate.status);
        }),
        { numRuns: IN_PROCESS_RUNS, seed: seedFor("single-call ordering") },
      );
    },
    TIMEOUT,
  );

  it(
    `a retried execution (attempts 0..3, same id) delivered in any order with duplicates ends in the in-order state (${RETRIED_RUNS} runs)`,
    () => {
      const arb = retriedLifecycleArb.chain((retried) => {
        const count = retriedLifecycleBodies(retried, "x", "+910000000000").length;
        return fc.tuple(fc.constant(retried), deliveryOrderArb(count, 6));
      });
      fc.assert(
        fc.property(arb, ([retried, order]) => {
          const reference = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const referenceBodies = retriedLifecycleBodies(retried, crypto.randomUUID(), reference.phone);
          for (const body of referenceBodies) applyExecution(db, deliveryOf(body), CONFIG);
          const expected = stateOf(db, reference.id, referenceBodies[0]!.id);

          const subject = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const bodies = retriedLifecycleBodies(retried, crypto.randomUUID(), subject.phone);
          for (const index of order) applyExecution(db, deliveryOf(bodies[index]!), CONFIG);
          const actual = stateOf(db, subject.id, bodies[0]!.id);

          expect(actual).toEqual(expected);
          // The last attempt decides: its number, and none of an earlier attempt's conversation.
          expect(actual.call?.attempt).toBe(retried.earlier.length);
          const lastBodies = bodies.filter((body) => body.retry_count === retried.earlier.length);
          const transcripts = new Set(lastBodies.map((body) => body.transcript).filter(Boolean));
          if (actual.call?.transcript) expect(transcripts.has(actual.call.transcript)).toBe(true);
          const audit = auditRows(db, subject.id);
          expect(audit.filter((entry) => !isRealChange(entry))).toEqual([]);
        }),
        { numRuns: RETRIED_RUNS, seed: seedFor("retried ordering") },
      );
    },
    TIMEOUT,
  );

  it(
    `with two calls in any interleaving, the newer call decides (${TWO_CALL_RUNS} pairs)`,
    () => {
      const arb = fc
        .record({
          older: lifecycleArb,
          newer: lifecycleArb,
          // The newer call was placed 1 s to 10 days after the older one.
          laterBy: fc.integer({ min: 1_000_000, max: 10 * 86_400_000_000 }),
        })
        .chain(({ older, newer, laterBy }) => {
          const newerShifted = { ...newer, createdAtMicros: older.createdAtMicros + laterBy };
          const count =
            lifecycleBodies(older, "x", "+910000000000").length + lifecycleBodies(newerShifted, "x", "+910000000000").length;
          return fc.tuple(fc.constant(older), fc.constant(newerShifted), deliveryOrderArb(count, 3));
        });
      fc.assert(
        fc.property(arb, ([older, newer, order]) => {
          // References: each call alone, in order, on its own candidate.
          const alone = (lifecycle: Lifecycle) => {
            const candidate = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
            const bodies = freshBodies(lifecycle, candidate.phone);
            for (const body of bodies) applyExecution(db, deliveryOf(body), CONFIG);
            return stateOf(db, candidate.id, bodies[0]!.id);
          };
          const olderAlone = alone(older);
          const newerAlone = alone(newer);

          const subject = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const olderBodies = freshBodies(older, subject.phone);
          const newerBodies = freshBodies(newer, subject.phone);
          const all: EventBody[] = [...olderBodies, ...newerBodies];
          for (const index of order) applyExecution(db, deliveryOf(all[index]!), CONFIG);

          const olderState = stateOf(db, subject.id, olderBodies[0]!.id);
          const newerState = stateOf(db, subject.id, newerBodies[0]!.id);
          // Each call's own record is what its own events say.
          expect(olderState.call).toEqual(olderAlone.call);
          expect(newerState.call).toEqual(newerAlone.call);
          // The candidate follows the newer call.
          expect(newerState.latestIsThisCall).toBe(true);
          expect(newerState.candidate.status).toBe(newerAlone.candidate.status);
          expect(newerState.candidate.statusReason).toBe(newerAlone.candidate.statusReason);
          expect(newerState.candidate.callStatus).toBe(newerAlone.candidate.callStatus);
          expect(newerState.candidate.lastCallAt).toBe(newerAlone.candidate.lastCallAt);

          const newerSlot = newer.ending ? rescheduledTo(newer) : null;
          const olderSlot = older.ending ? rescheduledTo(older) : null;
          const interviewAt = newerState.candidate.interviewAt;
          if (newerSlot) {
            expect(interviewAt).toBe(newerSlot.toISOString());
          } else {
            // The older call may have moved the interview before the newer call was first heard of; nothing else may.
            expect([ORIGINAL_INTERVIEW.toISOString(), olderSlot?.toISOString()]).toContain(interviewAt);
          }
          expect(newerState.candidate.originalInterviewAt).toBe(
            interviewAt === ORIGINAL_INTERVIEW.toISOString() ? null : ORIGINAL_INTERVIEW.toISOString(),
          );
          const audit = auditRows(db, subject.id);
          expect(audit.filter((entry) => !isRealChange(entry))).toEqual([]);
        }),
        { numRuns: TWO_CALL_RUNS, seed: seedFor("two-call ordering") },
      );
    },
    TIMEOUT,
  );
});

describe("ordering and duplicates over HTTP, delivered concurrently", () => {
  let server: TestServer;
  let db: Db;

  beforeAll(async () => {
    server = await startServer({
      WEBHOOK_ALLOW_LOOPBACK: "true",
      INTERVIEW_TIMEZONE: ZONE,
      WEBHOOK_RATE_LIMIT: "0",
      SEED_DEMO: "false",
      DATABASE_PATH: path.join(tempDir("ordering-http"), "ordering.db"),
    });
    db = openTestDatabase(server.databasePath);
  });

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
    if (!server) return;
    expect(integrityCheck(server.databasePath)).toBe("ok");
    fs.rmSync(path.dirname(server.databasePath), { recursive: true, force: true });
  });

  it(
    `a concurrent burst of the permuted bodies ends in the in-order state (${HTTP_RUNS} lifecycles)`,
    async () => {
      const arb = lifecycleArb.chain((lifecycle) => {
        const count = lifecycleBodies(lifecycle, "x", "+910000000000").length;
        return fc.tuple(fc.constant(lifecycle), deliveryOrderArb(count, 6));
      });
      await fc.assert(
        fc.asyncProperty(arb, async ([lifecycle, order]) => {
          const reference = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const referenceBodies = freshBodies(lifecycle, reference.phone);
          for (const body of referenceBodies) {
            const response = await postWebhook(server.url, body);
            expect(response.status).toBe(200);
          }
          const expected = stateOf(db, reference.id, referenceBodies[0]!.id);
          const expectedAudit = auditRows(db, reference.id);

          const subject = insertCandidate(db, { interviewAt: ORIGINAL_INTERVIEW });
          const bodies = freshBodies(lifecycle, subject.phone);
          const responses = await Promise.all(order.map((index) => postWebhook(server.url, bodies[index]!)));
          expect(responses.map((response) => response.status)).toEqual(order.map(() => 200));
          expect(stateOf(db, subject.id, bodies[0]!.id)).toEqual(expected);
          expect(eventRows(db, bodies[0]!.id)).toHaveLength(order.length);
          const audit = auditRows(db, subject.id);
          expect(audit.filter((entry) => !isRealChange(entry))).toEqual([]);
          expect(audit.length).toBeLessThanOrEqual(expectedAudit.length);
        }),
        { numRuns: HTTP_RUNS, seed: seedFor("HTTP concurrent ordering") },
      );
    },
    TIMEOUT,
  );
});
