import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { replaceReschedulingSlots } from "@/lib/candidates/create-candidate";
import type { CsvRecord } from "./csv-format";
import { checkRow, type Checked, type RowConfig } from "./import-row";

/** A file holds at most this many candidates (the body is capped at 64 MiB before that). */
const MAX_IMPORT_ROWS = 500_000;
/** Rows checked (and written) per transaction: a few tens of milliseconds of holding the write lock. */
const IMPORT_CHUNK_ROWS = 100;
/** The report lists the first rows and the first problems; the counts cover the whole file. */
const REPORT_ROWS = 1_000;
const REPORT_ERRORS = 1_000;

type RowError = { row: number; field: string; reason: string };
type ImportRow = {
  row: number;
  name: string;
  phone: string;
  interviewAt: string | null;
  /** The zone the row's interview is read and shown in (its time_zone, else the phone's, else INTERVIEW_TIMEZONE). */
  timeZone: string;
  ok: boolean;
  errors: { field: string; reason: string }[];
};
export type ImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  /** The first REPORT_ROWS rows, and the first REPORT_ERRORS problems; `truncated` when there were more. */
  rows: ImportRow[];
  errors: RowError[];
  truncated: boolean;
};

export type ImportOptions = RowConfig & {
  dryRun: boolean;
  actor: Actor;
  /** Called after each chunk's commit with how long it held the write lock: the worker pauses there. */
  afterWrite?: (heldMs: number) => void;
};
export class ImportTooLargeError extends Error {}

type Pool = { byId: Map<number, { startsAt: Date; capacity: number }>; byTime: Map<number, { id: number; capacity: number }> };

function loadPool(db: Pick<Db, "select">): Pool {
  const slots = db
    .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt, capacity: interviewSlots.capacity })
    .from(interviewSlots)
    .all();
  return {
    byId: new Map(slots.map((slot) => [slot.id, slot])),
    byTime: new Map(slots.map((slot) => [slot.startsAt.getTime(), slot])),
  };
}

const bookedAt = (db: Pick<Db, "select">, at: number) =>
  db
    .select({ n: count() })
    .from(candidates)
    .where(and(eq(candidates.interviewAt, new Date(at)), ne(candidates.status, "declined")))
    .get()?.n ?? 0;

type Good = Checked & { phone: string; interviewAt: Date };
const isGood = (row: Checked): row is Good => row.errors.length === 0 && row.phone !== null && row.interviewAt !== null;

function insertGood(tx: Tx, good: Good[], actor: Actor, now: Date): void {
  for (const row of good) {
    const created = tx
      .insert(candidates)
      .values({
        name: row.name,
        phone: row.phone,
        email: row.email,
        position: row.position,
        timeZone: row.storedZone,
        language: row.language,
        appliedAt: row.appliedAt ?? now,
        interviewAt: row.interviewAt,
        statusEvent: "added",
        statusChangedAt: now,
        updatedAt: now,
      })
      .returning({ id: candidates.id })
      .get();
    replaceReschedulingSlots(tx, created.id, row.slotIds);
    recordStatusChange(tx, {
      candidateId: created.id,
      candidateName: row.name,
      fromStatus: null,
      toStatus: "pending",
      source: "manual",
      actor: actor.label,
      reason: `Imported from CSV (row ${row.row})`,
      at: now,
    });
  }
}

/**
 * A candidate import, fed one CSV record at a time (lib/csv/import-worker.ts reads the file in a worker thread):
 * every IMPORT_CHUNK_ROWS records are checked against the file so far and the database — required fields,
 * phone (E.164 after normalising), a phone used twice in the file or already in the database, dates (an
 * interview in the past only with allow_past), time zones, slot references that are not in the pool, and
 * interview slots the file would overbook — and, unless it is a dry run, the good ones written, in one IMMEDIATE
 * transaction per chunk: what a chunk accepts is exactly what it writes, and other writers wait for a chunk at
 * most, never for the whole file. Rows that are refused are reported, never written.
 */
export function createCandidateImport(db: Db, options: ImportOptions) {
  const pool = loadPool(db);
  const firstRowOfPhone = new Map<string, number>();
  // A dry run writes nothing, so the slots its earlier chunks would fill are counted here.
  const addedToSlot = new Map<number, number>();
  const report: ImportReport = {
    dryRun: options.dryRun,
    total: 0,
    valid: 0,
    invalid: 0,
    imported: 0,
    rows: [],
    errors: [],
    truncated: false,
  };
  let pending: CsvRecord[] = [];

  /** What needs the database: phones it holds already, and slots it has filled. `checked` comes from checkRow. */
  function checkChunk(reader: Pick<Db, "select">, checked: Checked[]): Checked[] {
    const phones = [...new Set(checked.flatMap((row) => (row.phone && row.errors.length === 0 ? [row.phone] : [])))];
    const taken = new Set(
      phones.length === 0
        ? []
        : reader
            .select({ phone: candidates.phone })
            .from(candidates)
            .where(inArray(candidates.phone, phones))
            .all()
            .map((row) => row.phone),
    );
    const inDatabase = new Map<number, number>();
    const inChunk = new Map<number, number>();
    for (const row of checked) {
      if (row.phone) {
        const first = firstRowOfPhone.get(row.phone);
        if (first !== undefined)
          row.errors.push({ field: "phone", reason: `duplicate of row ${first} in this file (${row.phone})` });
        else {
          firstRowOfPhone.set(row.phone, row.row);
          if (taken.has(row.phone)) row.errors.push({ field: "phone", reason: `a candidate with ${row.phone} already exists` });
        }
      }
      const slot = row.interviewAt ? pool.byTime.get(row.interviewAt.getTime()) : undefined;
      if (row.errors.length > 0 || !slot) continue;
      const at = row.interviewAt!.getTime();
      if (!inDatabase.has(at)) inDatabase.set(at, bookedAt(reader, at));
      // Earlier chunks of a real import are in the database already; a dry run's are only counted.
      const earlier = options.dryRun ? (addedToSlot.get(at) ?? 0) : 0;
      const used = inDatabase.get(at)! + earlier + (inChunk.get(at) ?? 0);
      if (used >= slot.capacity)
        row.errors.push({ field: "interview_at", reason: "that interview slot is already fully booked" });
      else inChunk.set(at, (inChunk.get(at) ?? 0) + 1);
    }
    if (options.dryRun) for (const [at, added] of inChunk) addedToSlot.set(at, (addedToSlot.get(at) ?? 0) + added);
    return checked;
  }

  function note(checked: Checked[]): void {
    for (const row of checked) {
      report.total += 1;
      const ok = row.errors.length === 0;
      if (ok) report.valid += 1;
      else report.invalid += 1;
      if (report.rows.length < REPORT_ROWS) {
        const { row: number, name, timeZone, errors } = row;
        report.rows.push({
          row: number,
          name,
          phone: row.phone ?? row.givenPhone,
          interviewAt: row.interviewAt?.toISOString() ?? null,
          timeZone,
          ok,
          errors,
        });
      } else report.truncated = true;
      for (const error of row.errors) {
        if (report.errors.length < REPORT_ERRORS) report.errors.push({ row: row.row, ...error });
        else report.truncated = true;
      }
    }
  }

  function flush(): void {
    const records = pending;
    pending = [];
    if (records.length === 0) return;
    // Reading the rows needs no lock: only what the database must answer is done inside the transaction.
    const rows = records.map((record) => checkRow(record, pool.byId, pool.byTime, options));
    if (options.dryRun) return note(checkChunk(db, rows));
    const started = performance.now();
    db.transaction(
      (tx) => {
        const checked = checkChunk(tx, rows);
        const good = checked.filter(isGood);
        insertGood(tx, good, options.actor, new Date());
        note(checked);
        report.imported += good.length;
      },
      { behavior: "immediate" },
    );
    options.afterWrite?.(performance.now() - started);
  }

  return {
    add(record: CsvRecord): void {
      if (report.total + pending.length >= MAX_IMPORT_ROWS) {
        throw new ImportTooLargeError(`A file holds at most ${MAX_IMPORT_ROWS.toLocaleString("en")} candidates.`);
      }
      pending.push(record);
      if (pending.length >= IMPORT_CHUNK_ROWS) flush();
    },
    /** Checks (and writes) what is left; the report of the whole file. */
    finish(): ImportReport {
      flush();
      return report;
    },
    /** Rows checked so far. */
    progress: () => ({ total: report.total, valid: report.valid, invalid: report.invalid, imported: report.imported }),
  };
}
