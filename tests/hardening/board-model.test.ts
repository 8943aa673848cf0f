import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots, statusChanges } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { applyExecution } from "@/lib/calls/apply-execution";
import { createCandidateInput } from "@/lib/candidates/candidate-input";
import { createCandidate } from "@/lib/candidates/create-candidate";
import { overrideStatus, resetAllCandidates, resetCandidate } from "@/lib/candidates/manual-status";
import { CANDIDATE_STATUSES, type CandidateStatus } from "@/db/values";
import { ApiError } from "@/lib/http/api-error";
import { changeSlotCapacity } from "@/lib/slots/change-capacity";
import { createSlot, deleteSlot, setReschedulingSlots } from "@/lib/slots/manage-slots";
import { slotToInstant } from "@/lib/time/slot-time";
import { LONG, integrityCheck, seedFor } from "../support/hardening-db";
import { tempDir } from "../support/temp-database";
import { deliveryOf, lifecycleArb, lifecycleBodies, type EventBody, type Lifecycle } from "../support/lifecycle";
import { loadPayload, retarget } from "../support/payloads";

/**
 * Model-based test of the board: random sequences of webhooks (call lifecycles, out of order and repeated),
 * manual status overrides, resets, slot creation, capacity edits and deletions, rescheduling-slot choices and
 * candidate creation, run in process against a real SQLite file through the lib functions. A small reference
 * model says what every candidate's status and interview must be; after every step the database and the model
 * agree (status, interview, original and requested interview, call status, latest call, audit count, slots).
 *
 * The model's rules are Callboard's documented ones: a call's events only decide once the call is terminal; the
 * newest call (by Bolna's created_at) decides; a person's decision wins over events that happened before it;
 * a reschedule into a full pool slot is recorded as requested, not booked, and stays flagged only while the candidate
 * is rescheduled; a move back to the first booking forgets it as the original; a reset restores the first booking;
 * nobody sets `calling` by hand (lib/candidates/state-machine.ts).
 */

const ZONE = "UTC";
const CONFIG = { timezone: ZONE, defaultCountry: "IN" };
const ACTOR: Actor = { kind: "token", id: "api-token", label: "api-token", role: "admin" };
const RUNS = LONG ? 600 : 60;
const MAX_COMMANDS = LONG ? 80 : 45;

/** Few instants, so that slots, interviews and reschedules collide often. */
const TIMES = [
  { date: "2031-03-03", time: "10:00 AM" },
  { date: "2031-03-03", time: "3:00 PM" },
  { date: "2031-03-04", time: "9:30 AM" },
  { date: "2031-03-04", time: "2:00 PM" },
  { date: "2031-03-05", time: "11:00 AM" },
].map((slot) => ({ ...slot, ms: slotToInstant(slot.date, slot.time, ZONE)!.getTime() }));

type ModelCandidate = {
  id: number;
  phone: string;
  status: CandidateStatus;
  interviewAt: number;
  originalInterviewAt: number | null;
  requestedInterviewAt: number | null;
  manualStatusAt: number | null;
  latestCall: string | null;
  callStatus: string | null;
  slotIds: Set<number>;
  audit: number;
};
type ModelSlot = { id: number; startsAt: number; capacity: number; deleted: boolean };
type ModelCall = {
  executionId: string;
  candidateId: number;
  createdAt: number;
  lifecycle: Lifecycle;
  bodies: EventBody[];
  delivered: Set<number>;
};
type Model = {
  now: number;
  candidates: ModelCandidate[];
  slots: ModelSlot[];
  calls: ModelCall[];
  phones: number;
  overbooked: number;
  steps: number;
};
type Real = { db: Db };

const TERMINAL = new Set(["completed", "no-answer", "busy", "failed"]);

function tick(model: Model, ms = 1000) {
  model.now += ms;
  vi.setSystemTime(model.now);
}

const liveSlots = (model: Model) => model.slots.filter((slot) => !slot.deleted);
const slotAt = (model: Model, ms: number) => liveSlots(model).find((slot) => slot.startsAt === ms);
const bookedAt = (model: Model, ms: number, exceptId: number) =>
  model.candidates.filter((c) => c.interviewAt === ms && c.status !== "declined" && c.id !== exceptId).length;
const hasRoom = (model: Model, ms: number, exceptId: number) => {
  const slot = slotAt(model, ms);
  return !slot || bookedAt(model, ms, exceptId) < slot.capacity;
};

/** Runs an app call that may refuse; returns the refusal's status code, or null when it went through. */
function refusal(action: () => void): number | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

/** What the call's delivered events say (the model's fold): its status, and its outcome once it is terminal. */
function callFacts(call: ModelCall) {
  const top = Math.max(...call.delivered);
  const status = call.bodies[top]!.status;
  const last = call.bodies.length - 1;
  if (!TERMINAL.has(status) || top !== last)
    return { status, outcome: null as null | { status: CandidateStatus; slot?: number } };
  const ending = call.lifecycle.ending!;
  switch (ending.kind) {
    case "confirmed":
      return { status, outcome: { status: "confirmed" as const } };
    case "declined":
      return { status, outcome: { status: "declined" as const } };
    case "rescheduled":
      return {
        status,
        outcome: { status: "rescheduled" as const, slot: slotToInstant(ending.date, ending.time, ZONE)!.getTime() },
      };
    case "no-answer":
      return { status, outcome: { status: "no_answer" as const } };
    default:
      return { status, outcome: { status: "pending" as const } };
  }
}

function modelDelivery(model: Model, call: ModelCall, index: number) {
  if (call.delivered.has(index)) return; // an exact repeat: recorded as a duplicate, changes nothing
  call.delivered.add(index);
  const candidate = model.candidates.find((c) => c.id === call.candidateId)!;
  const latest = candidate.latestCall === null ? null : model.calls.find((c) => c.executionId === candidate.latestCall)!;
  if (latest && latest !== call && !(call.createdAt > latest.createdAt)) return; // an older call decides nothing
  const facts = callFacts(call);
  candidate.latestCall = call.executionId;
  candidate.callStatus = facts.status;
  // Bolna's updated_at ("2031-03-03T10:00:01.123456", UTC) to the millisecond, as the app reads it.
  const eventAt = Date.parse(`${String(call.bodies[index]!.updated_at).slice(0, 23)}Z`);
  if (candidate.manualStatusAt !== null && eventAt <= candidate.manualStatusAt) return;
  const before = { status: candidate.status, interviewAt: candidate.interviewAt };
  candidate.status = facts.outcome?.status ?? "calling";
  if (candidate.status !== "rescheduled") candidate.requestedInterviewAt = null;
  const chosen = facts.outcome?.slot;
  if (chosen !== undefined && chosen !== candidate.interviewAt) {
    if (hasRoom(model, chosen, candidate.id)) {
      const original = candidate.originalInterviewAt ?? candidate.interviewAt;
      candidate.originalInterviewAt = original === chosen ? null : original;
      candidate.interviewAt = chosen;
      candidate.requestedInterviewAt = null;
    } else {
      candidate.requestedInterviewAt = chosen;
    }
  }
  if (candidate.status !== before.status || candidate.interviewAt !== before.interviewAt) candidate.audit += 1;
}

/** Database and model agree on everything the board shows. */
function agree(model: Model, real: Real, step: string) {
  const { db } = real;
  for (const expected of model.candidates) {
    const row = db.select().from(candidates).where(eq(candidates.id, expected.id)).get()!;
    const latest =
      row.latestCallId === null
        ? null
        : db.select({ executionId: calls.executionId }).from(calls).where(eq(calls.id, row.latestCallId)).get()!.executionId;
    const audit = db
      .select({ id: statusChanges.id })
      .from(statusChanges)
      .where(eq(statusChanges.candidateId, expected.id))
      .all().length;
    const slotIds = db
      .select({ slotId: candidateReschedulingSlots.slotId })
      .from(candidateReschedulingSlots)
      .where(eq(candidateReschedulingSlots.candidateId, expected.id))
      .orderBy(asc(candidateReschedulingSlots.slotId))
      .all()
      .map((entry) => entry.slotId);
    expect(
      {
        status: row.status,
        interviewAt: row.interviewAt.getTime(),
        originalInterviewAt: row.originalInterviewAt?.getTime() ?? null,
        requestedInterviewAt: row.requestedInterviewAt?.getTime() ?? null,
        callStatus: row.callStatus,
        latestCall: latest,
        audit,
        slotIds,
      },
      `candidate ${expected.id} after ${step}`,
    ).toEqual({
      status: expected.status,
      interviewAt: expected.interviewAt,
      originalInterviewAt: expected.originalInterviewAt,
      requestedInterviewAt: expected.requestedInterviewAt,
      callStatus: expected.callStatus,
      latestCall: expected.latestCall,
      audit: expected.audit,
      slotIds: [...expected.slotIds].sort((a, b) => a - b),
    });
  }
  const slots = db.select().from(interviewSlots).orderBy(asc(interviewSlots.id)).all();
  expect(
    slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt.getTime(), capacity: slot.capacity })),
    `slots after ${step}`,
  ).toEqual(liveSlots(model).map(({ id, startsAt, capacity }) => ({ id, startsAt, capacity })));
  for (const call of model.calls.filter((c) => c.delivered.size > 0)) {
    const row = db
      .select({ status: calls.status, candidateId: calls.candidateId })
      .from(calls)
      .where(eq(calls.executionId, call.executionId))
      .get();
    expect(row, `call ${call.executionId} after ${step}`).toEqual({
      status: callFacts(call).status,
      candidateId: call.candidateId,
    });
  }
  model.steps += 1;
  // Not an agreement check: how often the pool ends up holding more than a slot's capacity. People's actions cannot
  // do it (see below), nor can a new call (Callboard will not call a declined candidate whose slot is full); a
  // webhook still can, when a call that was under way as the candidate declined ends later with another outcome
  // (lib/calls/update-candidate.ts checks the room only for a reschedule).
  for (const slot of liveSlots(model)) if (bookedAt(model, slot.startsAt, 0) > slot.capacity) model.overbooked += 1;
}

type Cmd = fc.Command<Model, Real>;
const pick = <T>(items: T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);

class CreateCandidate implements Cmd {
  constructor(
    readonly time: number,
    readonly slotPicks: number[],
  ) {}
  check = () => true;
  run(model: Model, real: Real) {
    tick(model);
    model.phones += 1;
    const phone = `+9199${String(process.pid % 1000).padStart(3, "0")}${String(model.phones).padStart(5, "0")}`;
    const interviewAt = TIMES[this.time % TIMES.length]!.ms;
    const slotIds = this.slotPicks.map((index) => pick(model.slots, index)?.id ?? 999);
    const input = createCandidateInput.parse({
      name: `Model ${model.phones}`,
      phone,
      interviewAt: new Date(interviewAt).toISOString(),
      reschedulingSlotIds: slotIds,
      // The model reads every slot in ZONE: the candidate lives there.
      timeZone: ZONE,
    });
    let created: { id: number } | undefined;
    const refused = refusal(() => {
      created = createCandidate(real.db, input, { defaultCountry: "IN", timezone: ZONE }, ACTOR);
    });
    const unknown = slotIds.some((id) => !liveSlots(model).some((slot) => slot.id === id));
    const expected = unknown ? 422 : !hasRoom(model, interviewAt, 0) ? 409 : null;
    expect(refused, `${this.toString()} refusal`).toBe(expected);
    if (created) {
      model.candidates.push({
        id: created.id,
        phone,
        status: "pending",
        interviewAt,
        originalInterviewAt: null,
        requestedInterviewAt: null,
        manualStatusAt: null,
        latestCall: null,
        callStatus: null,
        slotIds: new Set(slotIds),
        audit: 1,
      });
    }
    agree(model, real, this.toString());
  }
  toString = () => `createCandidate(time ${this.time}, slots ${this.slotPicks})`;
}

class CreateSlot implements Cmd {
  constructor(
    readonly time: number,
    readonly capacity: number,
  ) {}
  check = () => true;
  run(model: Model, real: Real) {
    tick(model);
    const startsAt = TIMES[this.time % TIMES.length]!.ms;
    let created: { id: number } | undefined;
    const refused = refusal(() => {
      created = createSlot(real.db, { startsAt: new Date(startsAt), capacity: this.capacity });
    });
    // Refused when the time is taken, or when more candidates are already booked at it than the slot would hold.
    const expected = slotAt(model, startsAt) || this.capacity < bookedAt(model, startsAt, 0) ? 409 : null;
    expect(refused, this.toString()).toBe(expected);
    if (created) model.slots.push({ id: created.id, startsAt, capacity: this.capacity, deleted: false });
    agree(model, real, this.toString());
  }
  toString = () => `createSlot(time ${this.time}, capacity ${this.capacity})`;
}

class DeleteSlot implements Cmd {
  constructor(readonly slot: number) {}
  check = (model: Readonly<Model>) => model.slots.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const slot = pick(model.slots, this.slot)!;
    const refused = refusal(() => deleteSlot(real.db, slot.id));
    const expected = slot.deleted ? 404 : bookedAt(model, slot.startsAt, 0) > 0 ? 409 : null;
    expect(refused, this.toString()).toBe(expected);
    if (refused === null) {
      slot.deleted = true;
      for (const candidate of model.candidates) candidate.slotIds.delete(slot.id);
    }
    agree(model, real, this.toString());
  }
  toString = () => `deleteSlot(#${this.slot})`;
}

class ChangeCapacity implements Cmd {
  constructor(
    readonly slot: number,
    readonly capacity: number,
  ) {}
  check = (model: Readonly<Model>) => model.slots.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const slot = pick(model.slots, this.slot)!;
    const refused = refusal(() => changeSlotCapacity(real.db, slot.id, this.capacity));
    const expected = slot.deleted ? 404 : this.capacity < bookedAt(model, slot.startsAt, 0) ? 409 : null;
    expect(refused, this.toString()).toBe(expected);
    if (refused === null) slot.capacity = this.capacity;
    agree(model, real, this.toString());
  }
  toString = () => `changeCapacity(#${this.slot}, ${this.capacity})`;
}

class SetReschedulingSlots implements Cmd {
  constructor(
    readonly candidate: number,
    readonly slotPicks: number[],
  ) {}
  check = (model: Readonly<Model>) => model.candidates.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const candidate = pick(model.candidates, this.candidate)!;
    const slotIds = this.slotPicks.map((index) => pick(model.slots, index)?.id ?? 999);
    const refused = refusal(() => setReschedulingSlots(real.db, candidate.id, slotIds));
    const unknown = slotIds.some((id) => !liveSlots(model).some((slot) => slot.id === id));
    expect(refused, this.toString()).toBe(unknown ? 422 : null);
    if (refused === null) candidate.slotIds = new Set(slotIds);
    agree(model, real, this.toString());
  }
  toString = () => `setReschedulingSlots(candidate #${this.candidate}, ${this.slotPicks})`;
}

class Override implements Cmd {
  constructor(
    readonly candidate: number,
    readonly status: CandidateStatus,
  ) {}
  check = (model: Readonly<Model>) => model.candidates.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const candidate = pick(model.candidates, this.candidate)!;
    const refused = refusal(() => overrideStatus(real.db, candidate.id, this.status, null, ACTOR));
    // Taking a declined candidate back makes them hold their slot again: refused when it has filled up since.
    const returns = candidate.status === "declined" && this.status !== "declined";
    const full = returns && !hasRoom(model, candidate.interviewAt, candidate.id);
    expect(refused, this.toString()).toBe(this.status === "calling" ? 422 : full ? 409 : null);
    if (refused === null) {
      candidate.status = this.status;
      if (this.status !== "rescheduled") candidate.requestedInterviewAt = null;
      candidate.manualStatusAt = model.now;
      candidate.audit += 1;
    }
    agree(model, real, this.toString());
  }
  toString = () => `override(candidate #${this.candidate}, ${this.status})`;
}

class Reset implements Cmd {
  constructor(readonly candidate: number) {}
  check = (model: Readonly<Model>) => model.candidates.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const candidate = pick(model.candidates, this.candidate)!;
    const refused = refusal(() => resetCandidate(real.db, candidate.id, null, ACTOR));
    // Refused when the candidate would take a place it does not hold yet (back to the original interview, or
    // pending again after declining) in a slot that has filled up since.
    const target = candidate.originalInterviewAt ?? candidate.interviewAt;
    const holdsIt = candidate.status !== "declined" && target === candidate.interviewAt;
    expect(refused, this.toString()).toBe(!holdsIt && !hasRoom(model, target, candidate.id) ? 409 : null);
    if (refused === null) {
      candidate.status = "pending";
      candidate.interviewAt = target;
      candidate.originalInterviewAt = null;
      candidate.requestedInterviewAt = null;
      candidate.manualStatusAt = model.now;
      candidate.audit += 1;
    }
    agree(model, real, this.toString());
  }
  toString = () => `reset(candidate #${this.candidate})`;
}

/** Bolna places a call: its lifecycle happens over the next seconds; the deliveries come later, in any order. */
class PlaceCall implements Cmd {
  constructor(
    readonly candidate: number,
    readonly lifecycle: Lifecycle,
  ) {}
  check = (model: Readonly<Model>) => model.candidates.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const candidate = pick(model.candidates, this.candidate)!;
    // Callboard refuses to call a declined candidate whose slot has filled up since (lib/calls/place-call.ts).
    if (candidate.status === "declined" && !hasRoom(model, candidate.interviewAt, candidate.id)) return;
    const lifecycle: Lifecycle = { ...this.lifecycle, createdAtMicros: model.now * 1000 };
    const executionId = crypto.randomUUID();
    const bodies = lifecycleBodies(lifecycle, executionId, candidate.phone);
    model.calls.push({ executionId, candidateId: candidate.id, createdAt: model.now, lifecycle, bodies, delivered: new Set() });
    // The call runs its course before anything else happens (its events all lie in the past from now on).
    const lastMicros = lifecycle.createdAtMicros + lifecycle.gaps.slice(0, bodies.length).reduce((sum, gap) => sum + gap, 0);
    tick(model, Math.ceil(lastMicros / 1000) - model.now + 1000);
    agree(model, real, this.toString());
  }
  toString = () => `placeCall(candidate #${this.candidate}, ${this.lifecycle.ending?.kind ?? "unfinished"})`;
}

class Deliver implements Cmd {
  constructor(
    readonly call: number,
    readonly event: number,
  ) {}
  check = (model: Readonly<Model>) => model.calls.length > 0;
  run(model: Model, real: Real) {
    tick(model);
    const call = pick(model.calls, this.call)!;
    const index = this.event % call.bodies.length;
    applyExecution(real.db, deliveryOf(call.bodies[index]!), CONFIG);
    modelDelivery(model, call, index);
    agree(model, real, this.toString());
  }
  toString = () => `deliver(call #${this.call}, event #${this.event})`;
}

/** A model lifecycle: no late extraction and no transcript-only ending (the model does not re-implement the
 * transcript classifier), calls a few seconds long, and reschedules into one of the shared instants. */
const modelLifecycleArb = fc.tuple(lifecycleArb, fc.nat(TIMES.length - 1)).map(([lifecycle, time]): Lifecycle => {
  const ending = lifecycle.ending?.kind === "unextracted" ? { kind: "confirmed" as const } : lifecycle.ending;
  const slot = TIMES[time]!;
  return {
    ...lifecycle,
    lateExtraction: false,
    ending: ending?.kind === "rescheduled" ? { kind: "rescheduled", date: slot.date, time: slot.time } : ending,
    gaps: lifecycle.gaps.map((gap) => 1_000_000 + (gap % 4_000_000)),
  };
});

const commandsArb = fc.commands(
  [
    fc
      .record({ time: fc.nat(TIMES.length - 1), slots: fc.array(fc.nat(20), { maxLength: 2 }) })
      .map(({ time, slots }) => new CreateCandidate(time, slots)),
    fc
      .record({ time: fc.nat(TIMES.length - 1), capacity: fc.integer({ min: 1, max: 3 }) })
      .map(({ time, capacity }) => new CreateSlot(time, capacity)),
    fc.nat(20).map((slot) => new DeleteSlot(slot)),
    fc
      .record({ slot: fc.nat(20), capacity: fc.integer({ min: 1, max: 3 }) })
      .map(({ slot, capacity }) => new ChangeCapacity(slot, capacity)),
    fc
      .record({ candidate: fc.nat(20), slots: fc.array(fc.nat(20), { maxLength: 3 }) })
      .map(({ candidate, slots }) => new SetReschedulingSlots(candidate, slots)),
    fc
      .record({ candidate: fc.nat(20), status: fc.constantFrom(...CANDIDATE_STATUSES) })
      .map(({ candidate, status }) => new Override(candidate, status)),
    fc.nat(20).map((candidate) => new Reset(candidate)),
    fc
      .record({ candidate: fc.nat(20), lifecycle: modelLifecycleArb })
      .map(({ candidate, lifecycle }) => new PlaceCall(candidate, lifecycle)),
    // Deliveries are most of what happens; repeats of the same event are duplicates.
    ...Array.from({ length: 4 }, () =>
      fc.record({ call: fc.nat(20), event: fc.nat(20) }).map(({ call, event }) => new Deliver(call, event)),
    ),
  ],
  { maxCommands: MAX_COMMANDS, size: "max" },
);

/** Every sequence starts from a small board: two pool slots and three candidates, one of them in a full slot. */
const OPENING: Cmd[] = [
  new CreateSlot(0, 1),
  new CreateSlot(2, 2),
  new CreateCandidate(0, [1]),
  new CreateCandidate(1, []),
  new CreateCandidate(3, [0, 1]),
];

const folder = tempDir("board-model");
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("the board against a reference model", () => {
  it(
    `agrees with the model after every step (${RUNS} sequences of up to ${MAX_COMMANDS} steps)`,
    () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      let run = 0;
      let overbooked = 0;
      let steps = 0;
      fc.assert(
        fc.property(commandsArb, (commands) => {
          run += 1;
          const file = path.join(folder, `model-${run}.db`);
          const db = openDatabase(file, "NORMAL");
          const model: Model = {
            now: Date.UTC(2026, 0, 1),
            candidates: [],
            slots: [],
            calls: [],
            phones: 0,
            overbooked: 0,
            steps: 0,
          };
          vi.setSystemTime(model.now);
          try {
            fc.modelRun(() => ({ model, real: { db } }), [...OPENING, ...commands]);
          } finally {
            db.$client.close();
          }
          expect(integrityCheck(file)).toBe("ok");
          fs.rmSync(file, { force: true });
          overbooked += model.overbooked;
          steps += model.steps;
        }),
        { numRuns: RUNS, seed: seedFor("board model") },
      );
      console.log(
        `[hardening] board model: ${run} sequences, ${steps} steps; steps ending with a pool slot over capacity: ${overbooked}`,
      );
      expect(steps).toBeGreaterThan(0);
    },
    LONG ? 900_000 : 120_000,
  );
});

describe("slot capacity holds whatever people do", () => {
  const setup = () => {
    const db = openDatabase(path.join(folder, `capacity-${crypto.randomUUID()}.db`), "NORMAL");
    const create = (name: string, phone: string, at: string) =>
      createCandidate(
        db,
        // The slots here are read in ZONE: the candidates live there.
        createCandidateInput.parse({ name, phone, interviewAt: at, timeZone: ZONE }),
        { defaultCountry: "IN", timezone: ZONE },
        ACTOR,
      );
    const booked = (at: string) =>
      db
        .select({ id: candidates.id, status: candidates.status })
        .from(candidates)
        .where(eq(candidates.interviewAt, new Date(at)))
        .all()
        .filter((row) => row.status !== "declined").length;
    return { db, create, booked };
  };
  const S1 = "2031-03-03T10:00:00.000Z";
  const S2 = "2031-03-04T15:00:00.000Z";

  // A is rescheduled by its call from S1 to S2, which frees S1; B books S1 (capacity 1). Resetting A would put A
  // back into S1 next to B: it is refused with 409 slot_full, and A stays where it is until a person decides.
  it("a reset never puts a candidate back into a slot that has filled up since", () => {
    const { db, create, booked } = setup();
    const s1 = createSlot(db, { startsAt: new Date(S1), capacity: 1 });
    createSlot(db, { startsAt: new Date(S2), capacity: 1 });
    const a = create("A", "+919811111111", S1);
    const body = retarget(loadPayload("10-completed-rescheduled"), "capacity-a", a.phone);
    body.extracted_data = { call_outcome: "RESCHEDULED", final_slot: { date: "2031-03-04", time: "3:00 PM" } };
    applyExecution(db, deliveryOf(body), CONFIG);
    expect(db.select().from(candidates).where(eq(candidates.id, a.id)).get()!.interviewAt.toISOString()).toBe(S2);
    create("B", "+919822222222", S1);
    const reset = refusal(() => resetCandidate(db, a.id, null, ACTOR));
    expect(reset).toBe(409);
    expect(booked(S1), "S1 with capacity 1").toBe(1);
    expect(db.select().from(candidates).where(eq(candidates.id, a.id)).get()).toMatchObject({
      status: "rescheduled",
      interviewAt: new Date(S2),
    });
    // Once S1 has room again, the reset goes through.
    changeSlotCapacity(db, s1.id, 2);
    expect(resetCandidate(db, a.id, null, ACTOR)).toMatchObject({
      status: "pending",
      interviewAt: new Date(S1),
      originalInterviewAt: null,
    });
  });

  // Reset all is judged by where everyone ends up, not by the order it moves people in: two candidates who swapped
  // full slots both go back; a reset that would overbook a slot is refused as a whole and changes nothing.
  it("reset all restores a swap between two full slots, and refuses (changing nothing) what would overbook", () => {
    const { db, create, booked } = setup();
    const rescheduleByCall = (executionId: string, phone: string, date: string, time: string) => {
      const body = retarget(loadPayload("10-completed-rescheduled"), executionId, phone);
      body.extracted_data = { call_outcome: "RESCHEDULED", final_slot: { date, time } };
      applyExecution(db, deliveryOf(body), CONFIG);
    };
    const row = (id: number) => db.select().from(candidates).where(eq(candidates.id, id)).get()!;
    createSlot(db, { startsAt: new Date(S1), capacity: 1 });
    const s2 = createSlot(db, { startsAt: new Date(S2), capacity: 2 });
    const a = create("A", "+919811111112", S1);
    const b = create("B", "+919822222223", S2);
    rescheduleByCall("swap-a", a.phone, "2031-03-04", "3:00 PM");
    rescheduleByCall("swap-b", b.phone, "2031-03-03", "10:00 AM");
    changeSlotCapacity(db, s2.id, 1);
    expect([row(a.id).interviewAt, row(b.id).interviewAt]).toEqual([new Date(S2), new Date(S1)]);
    expect(refusal(() => resetCandidate(db, a.id, null, ACTOR))).toBe(409);

    expect(resetAllCandidates(db, null, ACTOR)).toBe(2);
    expect([row(a.id).interviewAt, row(b.id).interviewAt]).toEqual([new Date(S1), new Date(S2)]);
    expect([booked(S1), booked(S2)]).toEqual([1, 1]);

    const T3 = "2031-03-05T09:00:00.000Z";
    createSlot(db, { startsAt: new Date(T3), capacity: 1 });
    const c = create("C", "+919833333334", T3);
    rescheduleByCall("away-c", c.phone, "2031-03-06", "11:00 AM");
    create("D", "+919844444445", T3);
    overrideStatus(db, a.id, "declined", null, ACTOR);
    const before = [row(a.id), row(c.id)];
    expect(refusal(() => resetAllCandidates(db, null, ACTOR))).toBe(409);
    expect([row(a.id), row(c.id)]).toEqual(before);
    expect(booked(T3)).toBe(1);
  });

  // C is declined (declined candidates do not hold their slot), D books the freed S2 (capacity 1); setting C back
  // to confirmed would put two candidates into S2: refused with 409 slot_full.
  it("un-declining a candidate never overbooks the slot", () => {
    const { db, create, booked } = setup();
    createSlot(db, { startsAt: new Date(S2), capacity: 1 });
    const c = create("C", "+919833333333", S2);
    overrideStatus(db, c.id, "declined", null, ACTOR);
    create("D", "+919844444444", S2);
    const refused = refusal(() => overrideStatus(db, c.id, "confirmed", null, ACTOR));
    expect(refused).toBe(409);
    expect(booked(S2), "S2 with capacity 1").toBe(1);
    expect(db.select().from(candidates).where(eq(candidates.id, c.id)).get()!.status).toBe("declined");
  });

  // Two candidates at T, then a pool slot at T with capacity 1: refused with 409 capacity_below_bookings, like
  // changeSlotCapacity refuses the same.
  it("a new slot is never created with fewer places than the candidates already booked at its time", () => {
    const { db, create, booked } = setup();
    const T = "2031-03-05T09:00:00.000Z";
    create("E", "+919855555555", T);
    create("F", "+919866666666", T);
    const refused = refusal(() => createSlot(db, { startsAt: new Date(T), capacity: 1 }));
    expect(refused).toBe(409);
    expect(
      db
        .select()
        .from(interviewSlots)
        .where(eq(interviewSlots.startsAt, new Date(T)))
        .get(),
    ).toBeUndefined();
    expect(createSlot(db, { startsAt: new Date(T), capacity: booked(T) }).capacity).toBe(2);
  });
});
