import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { rebuildAnalytics } from "@/lib/analytics/rebuild-analytics";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { createRandom, type Random } from "@/lib/seeded-random";

/**
 * Seeds a large, realistic data set straight through better-sqlite3 prepared statements in one transaction,
 * after openDatabase() has migrated the file. Rows are shaped like the ones the app writes itself: candidates'
 * denormalised latestCallId / callStatus / lastCallAt point at their newest call.
 */

const FIRST = [
  "Asha",
  "Rahul",
  "Neha",
  "Vikram",
  "Kavya",
  "Arjun",
  "Meera",
  "Rohan",
  "Priya",
  "Aditya",
  "Ananya",
  "Karthik",
  "Divya",
  "Siddharth",
  "Pooja",
  "Nikhil",
  "Sneha",
  "Varun",
  "Isha",
  "Manish",
  "Riya",
  "Harsh",
  "Tanvi",
  "Abhishek",
  "Shreya",
  "Amit",
  "Nisha",
  "Gaurav",
  "Lakshmi",
  "Sanjay",
  "Deepa",
  "Rajesh",
  "Swati",
  "Kunal",
  "Aisha",
  "Farhan",
  "Zoya",
  "Imran",
  "Sara",
  "Daniel",
  "Maria",
  "James",
  "Emma",
  "Liam",
  "Olivia",
  "Noah",
  "Sofia",
  "Lucas",
  "Mia",
  "Ethan",
] as const;
const LAST = [
  "Verma",
  "Mehta",
  "Iyer",
  "Rao",
  "Nair",
  "Singh",
  "Pillai",
  "Das",
  "Sharma",
  "Gupta",
  "Patel",
  "Reddy",
  "Kumar",
  "Joshi",
  "Menon",
  "Chatterjee",
  "Banerjee",
  "Mukherjee",
  "Bose",
  "Kapoor",
  "Malhotra",
  "Khanna",
  "Agarwal",
  "Bhat",
  "Kulkarni",
  "Deshpande",
  "Shetty",
  "Naidu",
  "Pandey",
  "Mishra",
  "Tiwari",
  "Saxena",
  "Sinha",
  "Chopra",
  "Thomas",
  "Fernandes",
  "D'Souza",
  "Khan",
  "Ahmed",
  "Qureshi",
  "Sethi",
  "Ghosh",
  "Dutta",
  "Sen",
  "Roy",
  "Varghese",
  "Mathew",
  "George",
  "Jacob",
  "Hegde",
] as const;
const POSITIONS = [
  "Software Engineer",
  "Frontend Developer",
  "Backend Developer",
  "Full Stack Developer",
  "UI/UX Designer",
  "Data Analyst",
  "QA Engineer",
  "DevOps Engineer",
  "Product Manager",
  "Data Scientist",
  "Mobile Developer",
  "Site Reliability Engineer",
] as const;
// Indian mobile prefixes; the eight digits after them are a bijection of the candidate index (see phoneOf).
const PREFIXES = [
  "98",
  "97",
  "96",
  "95",
  "94",
  "93",
  "91",
  "90",
  "89",
  "88",
  "87",
  "86",
  "85",
  "84",
  "83",
  "82",
  "81",
  "80",
  "79",
  "78",
  "77",
  "76",
  "75",
  "74",
  "73",
  "70",
  "63",
  "62",
] as const;

/** The search the board benchmark runs: a surname fragment that matches about 1 in 50 candidates. */
export const SEARCH_FRAGMENT = "Kulk";
/** A search that matches nothing: the worst case, every row is scanned. */
export const SEARCH_MISS = "Xyzzyq";

export type Identity = { name: string; first: string; phone: string; email: string };

/** Candidate `index` (0-based; its row id is index + 1): deterministic, so the load generator needs no DB reads. */
export function identityOf(index: number): Identity {
  const first = FIRST[index % FIRST.length]!;
  const last = LAST[Math.floor(index / FIRST.length) % LAST.length]!;
  // 7919 is prime and coprime with 10^8, so i -> (i * 7919 + 12345) mod 10^8 never repeats below 10^8.
  const digits = String((index * 7919 + 12345) % 100_000_000).padStart(8, "0");
  const phone = `+91${PREFIXES[index % PREFIXES.length]}${digits}`;
  return {
    name: `${first} ${last}`,
    first,
    phone,
    email: `${first}.${last.replace(/[^A-Za-z]/g, "")}${index}@example.com`.toLowerCase(),
  };
}

export type Slot = { at: number; date: string; time: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Interview slot pool: weekdays over the next 60 days, 09:00-17:30 UTC on the half hour (INTERVIEW_TIMEZONE=UTC). */
function slotPool(now: number, count: number, random: Random): Slot[] {
  const startDay = Math.floor(now / DAY) * DAY + DAY;
  const seen = new Set<number>();
  const slots: Slot[] = [];
  for (let tries = 0; slots.length < count && tries < count * 20; tries++) {
    const day = startDay + random.int(0, 59) * DAY;
    if ([0, 6].includes(new Date(day).getUTCDay())) continue;
    const at = day + 9 * HOUR + random.int(0, 17) * 30 * 60_000;
    if (seen.has(at)) continue;
    seen.add(at);
    const d = new Date(at);
    const h = d.getUTCHours();
    const time = `${h % 12 === 0 ? 12 : h % 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
    slots.push({ at, date: d.toISOString().slice(0, 10), time });
  }
  return slots;
}

const OPENING = [
  "assistant: Hello, this is Ava calling from Dharwin.",
  "assistant: Hi, am I speaking with {NAME}?",
  "user: Yes, this is {FIRST}.",
  "assistant: Hi {FIRST}! My name is Ava, and I'm calling from Dharwin regarding your job application for the {POSITION} position. Do you have a few moments to discuss your interview schedule?",
  "user: Sure, go ahead.",
];
const FILLER = [
  "user: Sorry, could you repeat the date? The line is a bit noisy.",
  "assistant: Of course. Your interview is on {DAY}... at {TIME}. Does this time work for you?",
  "user: Will the interview be online or at the office?",
  "assistant: The first round is a video interview; you will receive a link by email with all the details.",
  "user: How long will it take, roughly?",
  "assistant: It usually takes about forty-five minutes, including time for your questions at the end.",
  "user: Do I need to prepare anything in particular?",
  "assistant: Please keep a copy of your resume handy, and be ready to talk about a recent project you are proud of.",
  "user: Okay. And who will be on the panel?",
  "assistant: You will meet a senior engineer from the team and someone from our recruiting staff.",
];
const CLOSING: Record<"confirmed" | "declined" | "rescheduled" | "pending", string[]> = {
  confirmed: [
    "user: Yes, that works for me.",
    "assistant: Excellent! Your interview slot is now confirmed for {DAY}, at {TIME}. You'll receive a confirmation message with all the details shortly. Is there anything else I can help you with?",
    "user: No, that's all. Thank you.",
    "assistant: Thank you so much for your time today, {FIRST}. We look forward to meeting you. Have a wonderful day!",
  ],
  declined: [
    "user: Actually, I have accepted another offer, so I would like to withdraw my application.",
    "assistant: I understand, thank you for letting us know. I'll update your application. Is there anything else I can help you with?",
    "user: No, thank you.",
    "assistant: All the best for your new role, {FIRST}. Goodbye!",
  ],
  rescheduled: [
    "user: I have a conflict at that time. Is there another slot available?",
    "assistant: Certainly. I can offer {DAY} at {TIME}, or the following Wednesday at 3 o'clock in the afternoon. Which would you prefer?",
    "user: The first option works better for me.",
    "assistant: Done. Your interview is now moved to {DAY} at {TIME}. You'll receive an updated invitation shortly. Thank you, {FIRST}!",
  ],
  pending: [
    "user: I'm driving right now, can you call me back later?",
    "assistant: Of course, we'll call you back later today. Drive safely, {FIRST}!",
  ],
};

// Per kind and length, one template with placeholders, filled in one regex pass per call (the seed writes
// hundreds of thousands of these; per-line replaceAll made it CPU-bound).
const transcriptTemplates = new Map<string, string>();
const PLACEHOLDER = /\{(NAME|FIRST|POSITION|DAY|TIME)\}/g;

function transcriptTemplate(kind: keyof typeof CLOSING, target: number): string {
  const key = `${kind}:${target}`;
  let template = transcriptTemplates.get(key);
  if (template === undefined) {
    const closing = CLOSING[kind].join("\n");
    let body = OPENING.join("\n");
    for (let i = 0; body.length + closing.length < target && i < 40; i++)
      body += `\n${FILLER[(i * 2) % FILLER.length]!}\n${FILLER[(i * 2 + 1) % FILLER.length]!}`;
    template = `${body}\n${closing}\n`;
    transcriptTemplates.set(key, template);
  }
  return template;
}

function transcriptOf(random: Random, kind: keyof typeof CLOSING, who: Identity, position: string, interviewAt: number): string {
  // Lengths in 100-character steps from 1,000 to 2,000 (the names then move each a little).
  const template = transcriptTemplate(kind, 1000 + random.int(0, 10) * 100);
  const d = new Date(interviewAt);
  const values: Record<string, string> = {
    NAME: who.name,
    FIRST: who.first,
    POSITION: position,
    DAY: d.toUTCString().slice(0, 11),
    TIME: `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, "0")}`,
  };
  return template.replace(PLACEHOLDER, (_, name: string) => values[name]!);
}

type CallPlan = {
  status: string;
  outcome: "confirmed" | "declined" | "rescheduled" | "no_answer" | "pending" | null;
};

const TERMINAL_MISS: CallPlan[] = [
  { status: "no-answer", outcome: "no_answer" },
  { status: "busy", outcome: "pending" },
  { status: "failed", outcome: "pending" },
];
const IN_FLIGHT = ["queued", "ringing", "in-progress"] as const;

type Status = "pending" | "calling" | "confirmed" | "declined" | "rescheduled" | "no_answer";
const STATUS_WEIGHTS: [Status, number][] = [
  ["pending", 0.3],
  ["confirmed", 0.3],
  ["no_answer", 0.15],
  ["rescheduled", 0.12],
  ["declined", 0.1],
  ["calling", 0.03],
];

function pickStatus(random: Random): Status {
  let r = random.next();
  for (const [status, weight] of STATUS_WEIGHTS) {
    if (r < weight) return status;
    r -= weight;
  }
  return "pending";
}

const UNANSWERED_REASON: Record<string, string> = { busy: "Line busy", failed: "Call failed", "no-answer": "No answer" };

/** The call history that ends with the candidate's status, oldest first; `extra` earlier attempts are prepended. */
function planCalls(status: Status, extra: number, random: Random): CallPlan[] {
  const last: CallPlan =
    status === "pending"
      ? random.pick([
          { status: "busy", outcome: "pending" },
          { status: "failed", outcome: "pending" },
          { status: "completed", outcome: "pending" },
        ] as const)
      : status === "calling"
        ? { status: random.pick(IN_FLIGHT), outcome: null }
        : status === "no_answer"
          ? { status: "no-answer", outcome: "no_answer" }
          : { status: "completed", outcome: status };
  const earlier = Array.from({ length: extra }, () =>
    random.next() < 0.85 ? random.pick(TERMINAL_MISS) : { status: "completed", outcome: "pending" as const },
  );
  return [...earlier, last];
}

export type SeedOptions = { candidates: number; calls: number; seed?: number };
export type SeedInfo = {
  candidates: number;
  calls: number;
  slots: Slot[];
  statusCounts: Record<string, number>;
  searchMatches: number;
  ms: number;
  /** Where the seeding time went: loading rows, building indexes, refilling the search index and the rollups. */
  phasesMs: Record<string, number>;
  dbBytes: number;
};

/** Candidates per transaction: a commit every chunk keeps the page cache and the journal small at 1,000,000. */
const CHUNK = 50_000;

// IST, the seeded candidates' zone (their phones are Indian): the hour of each call where the candidate is.
const IST_OFFSET_MS = 5.5 * HOUR;
const istHour = (ms: number) => new Date(ms + IST_OFFSET_MS).getUTCHours();

export function seedLarge(file: string, options: SeedOptions): SeedInfo {
  const started = Date.now();
  const phasesMs: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phasesMs[name] = Date.now() - phaseStart;
    phaseStart = Date.now();
  };
  const random = createRandom(options.seed ?? 7);
  const now = Date.now();
  // Synchronous OFF only for this one-off bulk load of a throwaway file; the server opens it with its own setting.
  const db = openDatabase(file, "OFF");
  const sqlite = db.$client;
  sqlite.pragma("cache_size = -400000");
  // A rollback journal instead of WAL while loading: the pages of a fresh file are appended, not journaled, where
  // WAL would write every page twice (once to the log, once at the checkpoint). WAL again afterwards.
  sqlite.pragma("journal_mode = DELETE");
  // Derived structures are built once after the load instead of row by row: the secondary indexes (sorted in
  // one pass each), the search index ('rebuild'), and the review and attendance counts and the analytics rollups (from the views that
  // define them). Only the call-figure triggers stay: a running sum costs less than recomputing it. The change
  // feed's triggers are dropped too (a real database would have pruned those rows long ago). Everything dropped
  // is re-created from its own DDL, unchanged.
  const deferred = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE sql IS NOT NULL AND ((type = 'trigger' AND substr(name, 1, 12) != 'call_totals_')
         OR (type = 'index' AND tbl_name IN ('candidates', 'calls', 'status_changes', 'candidate_rescheduling_slots')))
       ORDER BY type, name`,
    )
    .all() as { type: "trigger" | "index"; name: string; sql: string }[];
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  for (const item of deferred) sqlite.exec(`DROP ${item.type.toUpperCase()} ${quoted(item.name)}`);

  // Sanity: every generated phone must be what the webhook's normalisation produces, or nothing would match.
  for (let i = 0; i < Math.min(options.candidates, 2000); i += 97) {
    const { phone } = identityOf(i);
    if (normalizePhone(phone, "IN") !== phone) throw new Error(`seed phone ${phone} does not normalise to itself`);
  }

  // How many calls each candidate gets: a planned history per status, then the remainder spread over those
  // who were called at all, so the total is exact.
  const statuses: Status[] = [];
  const extra: number[] = [];
  const called: boolean[] = [];
  let planned = 0;
  for (let i = 0; i < options.candidates; i++) {
    const status = pickStatus(random);
    statuses.push(status);
    // A third of pending candidates were never called; the rest had a call that decided nothing.
    const isCalled = status !== "pending" || random.next() < 0.66;
    called.push(isCalled);
    extra.push(0);
    if (isCalled) planned += 1;
  }
  let remaining = options.calls - planned;
  for (let pass = 0; remaining > 0 && pass < 1000; pass++) {
    for (let i = 0; i < options.candidates && remaining > 0; i++) {
      if (!called[i]) continue;
      const step = random.int(0, 3);
      const add = Math.min(step, remaining);
      extra[i]! += add;
      remaining -= add;
    }
  }

  const slots = slotPool(now, 400, random);
  const insertSlot = sqlite.prepare("INSERT INTO interview_slots (id, starts_at, capacity, created_at) VALUES (?, ?, ?, ?)");
  const insertAllowed = sqlite.prepare("INSERT INTO candidate_rescheduling_slots (candidate_id, slot_id) VALUES (?, ?)");
  // Every phone is Indian: the zone is the one the app stores with each candidate it creates (the phone's country's).
  const insertCandidate = sqlite.prepare(
    `INSERT INTO candidates (id, name, phone, email, position, time_zone, applied_at, interview_at, original_interview_at, requested_interview_at,
       status, status_reason, status_changed_at, manual_status_at, latest_call_id, call_status, latest_call_unclear, last_call_at, call_requested_at,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Asia/Kolkata', ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const insertCall = sqlite.prepare(
    `INSERT INTO calls (id, execution_id, candidate_id, status, outcome, outcome_reason, transcript, summary, recording_url, duration_seconds,
       conversation_seconds, total_cost, hangup_by, hangup_reason, error_message, extracted_data, state_key, field_keys, bolna_created_at,
       bolna_updated_at, last_event_at, placed_by, batch_id, local_hour, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  // The audit trail the analytics read: the change each candidate's latest call made.
  const insertStatusChange = sqlite.prepare(
    `INSERT INTO status_changes (candidate_id, candidate_name, from_status, to_status, source, actor, reason, execution_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const statusCounts: Record<string, number> = {};
  let callId = 0;
  let searchMatches = 0;
  sqlite.transaction(() => slots.forEach((slot, i) => insertSlot.run(i + 1, slot.at, random.int(1, 3) * 20, now - 90 * DAY)))();
  const loadChunk = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = i + 1;
      const who = identityOf(i);
      if (who.name.includes(SEARCH_FRAGMENT) || who.email.includes(SEARCH_FRAGMENT.toLowerCase())) searchMatches += 1;
      const status = statuses[i]!;
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      const position = random.pick(POSITIONS);
      // Interviews from 30 days ago to 60 days ahead, on the half hour in working hours.
      const interviewDay = Math.floor(now / DAY) * DAY + random.int(-30, 60) * DAY;
      let interviewAt = interviewDay + 9 * HOUR + random.int(0, 17) * 30 * 60_000;
      let originalInterviewAt: number | null = null;
      const appliedAt = interviewAt - random.int(3, 30) * DAY - random.int(0, 86_399) * 1000;
      const createdAt = appliedAt + random.int(60, 3600) * 1000;

      const plan = called[i] ? planCalls(status, extra[i]!, random) : [];
      let lastCallAt: number | null = null;
      let statusReason: string | null = null;
      let callAt = Math.min(now - HOUR, createdAt + random.int(1, 48) * HOUR);
      const firstCallId = callId + 1;
      // Each candidate row goes in before its calls (calls.candidate_id is a foreign key).
      const callRows: unknown[][] = [];
      for (let c = 0; c < plan.length; c++) {
        const { status: callStatus, outcome } = plan[c]!;
        callId += 1;
        const isLatest = c === plan.length - 1;
        const createdMs: number = isLatest && status === "calling" ? now - random.int(5, 120) * 1000 : callAt;
        const terminal = callStatus !== "queued" && callStatus !== "ringing" && callStatus !== "in-progress";
        const answered = callStatus === "completed";
        const conversation = answered ? random.int(300, 3000) / 10 : 0;
        const duration = answered
          ? Math.round(conversation + random.int(3, 12))
          : callStatus === "no-answer"
            ? random.int(25, 45)
            : random.int(0, 5);
        const updatedMs = createdMs + (terminal ? (duration + random.int(5, 30)) * 1000 : random.int(1, 20) * 1000);
        const micros = updatedMs * 1000 + random.int(0, 999);
        const rank = terminal ? 9 : callStatus === "in-progress" ? 4 : callStatus === "ringing" ? 3 : 1;
        const hash = random.hex(64);
        const key = `${rank}:${String(micros).padStart(17, "0")}:${hash}`;
        let transcript: string | null = null;
        let summary: string | null = null;
        let extracted: string | null = null;
        let reason: string | null = null;
        let newSlot: Slot | undefined;
        if (answered) {
          const kind = outcome === "confirmed" || outcome === "declined" || outcome === "rescheduled" ? outcome : "pending";
          if (kind === "rescheduled") newSlot = random.pick(slots);
          transcript = transcriptOf(random, kind, who, position, newSlot?.at ?? interviewAt);
          summary = `Ava from Dharwin called ${who.name} about the ${position} interview. ${
            kind === "confirmed"
              ? "The candidate confirmed the scheduled slot."
              : kind === "declined"
                ? "The candidate declined and withdrew the application."
                : kind === "rescheduled"
                  ? `The candidate asked to move the interview and chose ${newSlot!.date} at ${newSlot!.time}.`
                  : "The candidate asked to be called back later."
          } The call ended politely.`;
          const slotOf = (ms: number) => ({
            date: new Date(ms).toISOString().slice(0, 10),
            time: "11:00 AM",
            day_of_week: new Date(ms).toUTCString().slice(0, 3),
          });
          extracted = JSON.stringify(
            kind === "pending"
              ? { callback_user: true, notes: "Candidate asked for a call back." }
              : {
                  call_outcome: kind === "confirmed" ? "ACCEPTED" : kind === "declined" ? "REJECTED" : "RESCHEDULED",
                  original_slot: slotOf(interviewAt),
                  final_slot:
                    kind === "declined"
                      ? null
                      : newSlot
                        ? { date: newSlot.date, time: newSlot.time, day_of_week: "" }
                        : slotOf(interviewAt),
                  notes: "Generated by bench/seed-large.ts.",
                },
          );
          reason =
            kind === "pending"
              ? "Candidate asked to be called back"
              : kind === "rescheduled"
                ? "Rescheduled (call_outcome)"
                : `${kind === "confirmed" ? "ACCEPTED" : "REJECTED"} (call_outcome)`;
        } else if (terminal) {
          reason = UNANSWERED_REASON[callStatus] ?? "Call failed";
        }
        const fieldKeys: Record<string, string> = {};
        if (terminal) for (const field of ["durationSeconds", "totalCost", "hangupBy", "hangupReason"]) fieldKeys[field] = key;
        if (answered)
          for (const field of ["transcript", "summary", "recordingUrl", "conversationSeconds", "extractedData"])
            fieldKeys[field] = key;
        callRows.push([
          callId,
          random.uuid(),
          id,
          callStatus,
          terminal ? outcome : null,
          terminal ? reason : null,
          transcript,
          summary,
          answered ? `https://bolna-call-recordings.s3.us-east-1.amazonaws.com/AC${random.hex(32)}/RE${random.hex(32)}` : null,
          terminal ? duration : null,
          answered ? conversation : null,
          terminal ? Math.round((answered ? conversation * 0.22 : 0.05) * 100) / 100 : null,
          terminal ? (answered ? random.pick(["Callee", "Agent"]) : "Carrier") : null,
          terminal
            ? answered
              ? "Call recipient hungup"
              : callStatus === "failed"
                ? "Call failed to connect"
                : "No answer from callee"
            : null,
          callStatus === "failed" ? "Telephony provider returned an error" : null,
          extracted,
          key,
          JSON.stringify(fieldKeys),
          createdMs,
          updatedMs,
          updatedMs + random.int(10, 900),
          random.next() < 0.7 ? `batch #${1 + (c % 40)}` : "recruiter@example.com",
          istHour(createdMs),
          createdMs,
          updatedMs,
        ]);
        if (isLatest) {
          lastCallAt = createdMs;
          statusReason = status === "calling" ? `Call ${callStatus}` : reason;
          if (newSlot) {
            originalInterviewAt = interviewAt;
            interviewAt = newSlot.at;
          }
        }
        callAt = Math.min(now - HOUR, callAt + random.int(2, 72) * HOUR);
      }
      const latestCallId = plan.length > 0 ? firstCallId + plan.length - 1 : null;
      const latestStatus = plan.at(-1)?.status ?? null;
      // As the pipeline copies it: the latest call's outcome is pending after a conversation.
      const latestRow = callRows.at(-1);
      const latestUnclear = latestRow?.[4] === "pending" && Number(latestRow[10] ?? 0) > 0 ? 1 : 0;
      const statusChangedAt = lastCallAt ?? createdAt;
      insertCandidate.run(
        id,
        who.name,
        who.phone,
        random.next() < 0.9 ? who.email : null,
        position,
        appliedAt,
        interviewAt,
        originalInterviewAt,
        status,
        statusReason,
        statusChangedAt,
        latestCallId,
        latestStatus,
        latestUnclear,
        lastCallAt,
        createdAt,
        Math.max(statusChangedAt, createdAt),
      );
      for (const row of callRows) insertCall.run(...row);
      const latest = callRows.at(-1);
      if (latest) {
        const placed = status === "calling";
        insertStatusChange.run(
          id,
          who.name,
          placed ? "pending" : "calling",
          status,
          placed ? "call" : "webhook",
          placed ? "recruiter@example.com" : "bolna",
          statusReason,
          latest[1],
          statusChangedAt,
        );
      }
      for (let s = 0, n = random.int(1, 3); s < n; s++) insertAllowed.run(id, 1 + ((i * 7 + s * 131) % slots.length));
    }
  });
  for (let from = 0; from < options.candidates; from += CHUNK) loadChunk(from, Math.min(options.candidates, from + CHUNK));
  phase("rows");

  for (const item of deferred.filter((entry) => entry.type === "index")) sqlite.exec(item.sql);
  phase("indexes");
  sqlite.transaction(() => {
    for (const item of deferred.filter((entry) => entry.type === "trigger")) sqlite.exec(item.sql);
    sqlite.exec("INSERT INTO candidates_search (candidates_search) VALUES ('rebuild')");
    phase("search index");
    rebuildAnalytics(sqlite);
    phase("rollups");
  })();
  const restored = sqlite
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE name IN (${deferred.map(() => "?").join(", ")}) ORDER BY type, name`,
    )
    .all(...deferred.map((item) => item.name));
  if (JSON.stringify(restored) !== JSON.stringify(deferred))
    throw new Error("seed: the dropped indexes and triggers were not restored exactly");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return {
    candidates: options.candidates,
    calls: callId,
    slots,
    statusCounts,
    searchMatches,
    ms: Date.now() - started,
    phasesMs,
    dbBytes: fs.statSync(file).size,
  };
}
