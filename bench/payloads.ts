import { identityOf, type Slot } from "./seed-large";
import { createRandom, type Random } from "@/lib/seeded-random";
import { formatBolnaTime } from "@/lib/bolna/simulator/bolna-clock";
import { loadPayload } from "../tests/support/payloads";

/**
 * Realistic, distinct webhook bodies: the Bolna fixtures of tests/fixtures/bolna, retargeted to seeded candidates'
 * phones and names, fresh execution ids and current timestamps. Each fixture is turned into a template once
 * (split on placeholders), so making a body is a string join: the load generator shares the 2 cores with the
 * server and must stay cheap.
 */

type Field = "EXEC" | "PHONE" | "NAME" | "FIRST" | "CREATED" | "UPDATED" | "INITIATED" | "SLOTDATE" | "SLOTTIME";
type Template = { parts: string[]; fields: Field[]; offsetMs: number; status: string };

const MARK = "@@";
const placeholder = (field: Field) => `${MARK}${field}${MARK}`;

function parseFixtureTime(value: string): number {
  return Date.parse(`${value.slice(0, 23)}Z`);
}

function loadTemplate(file: string): Template {
  const fixture: Record<string, unknown> = loadPayload(file.replace(/\.json$/, ""));
  const recipient = (fixture.context_details as { recipient_data: { candidate_name: string } }).recipient_data;
  const fullName = recipient.candidate_name;
  const firstName = fullName.split(" ")[0]!;
  const createdMs = parseFixtureTime(fixture.created_at as string);
  const offsetMs = parseFixtureTime(fixture.updated_at as string) - createdMs;
  const phone = fixture.user_number as string;

  fixture.id = placeholder("EXEC");
  fixture.created_at = placeholder("CREATED");
  fixture.scheduled_at = placeholder("CREATED");
  fixture.updated_at = placeholder("UPDATED");
  if (fixture.initiated_at) fixture.initiated_at = placeholder("INITIATED");
  const extracted = fixture.extracted_data as { final_slot?: { date: string; time: string } | null } | null;
  if (extracted?.final_slot && (extracted as { call_outcome?: string }).call_outcome === "RESCHEDULED") {
    extracted.final_slot.date = placeholder("SLOTDATE");
    extracted.final_slot.time = placeholder("SLOTTIME");
  }
  // Compact, as a sender serialises it; then every mention of the fixture's candidate becomes a placeholder.
  const text = JSON.stringify(fixture)
    .replaceAll(phone, placeholder("PHONE"))
    .replaceAll(fullName, placeholder("NAME"))
    .replaceAll(firstName, placeholder("FIRST"));
  const pieces = text.split(MARK);
  const parts: string[] = [];
  const fields: Field[] = [];
  pieces.forEach((piece, i) => (i % 2 === 0 ? parts.push(piece) : fields.push(piece as Field)));
  return { parts, fields, offsetMs, status: fixture.status as string };
}

/** The lifecycles a call goes through, as fixture files, with how often each ends that way. */
const LIFECYCLES: { weight: number; files: string[] }[] = [
  {
    weight: 0.35,
    files: [
      "01-queued.json",
      "02-ringing.json",
      "03-in-progress.json",
      "04-call-disconnected.json",
      "05-completed-confirmed.json",
    ],
  },
  {
    weight: 0.1,
    files: [
      "01-queued.json",
      "02-ringing.json",
      "03-in-progress.json",
      "04-call-disconnected.json",
      "09-completed-declined.json",
    ],
  },
  {
    weight: 0.15,
    files: [
      "01-queued.json",
      "02-ringing.json",
      "03-in-progress.json",
      "04-call-disconnected.json",
      "10-completed-rescheduled.json",
    ],
  },
  { weight: 0.2, files: ["01-queued.json", "02-ringing.json", "06-no-answer.json"] },
  { weight: 0.12, files: ["01-queued.json", "02-ringing.json", "07-busy.json"] },
  { weight: 0.08, files: ["01-queued.json", "08-failed.json"] },
];

type Active = { bodies: string[]; next: number };

export type BodyStreamOptions = {
  /** Seeded candidates: bodies target candidate indexes [0, candidates). */
  candidates: number;
  slots: Slot[];
  seed: number;
  /** How many calls are "in flight" at once; their events interleave. */
  concurrentCalls?: number;
  /** Share of lifecycles delivered in a shuffled order (Bolna guarantees no order). */
  shuffled?: number;
  /** Share of events delivered twice (Bolna retries). */
  duplicates?: number;
};

export type BodyStats = {
  bodies: number;
  executions: number;
  duplicates: number;
  bytes: number;
  minBytes: number;
  maxBytes: number;
};

/** An endless (but bounded by the caller) stream of distinct webhook bodies spread over many calls and candidates. */
export class BodyStream {
  private readonly random: Random;
  private readonly templates = new Map<string, Template>();
  private readonly active: Active[] = [];
  private readonly lastBodies: string[] = [];
  private clock = Date.now();
  readonly stats: BodyStats = { bodies: 0, executions: 0, duplicates: 0, bytes: 0, minBytes: Infinity, maxBytes: 0 };

  constructor(private readonly options: BodyStreamOptions) {
    this.random = createRandom(options.seed);
    for (const lifecycle of LIFECYCLES)
      for (const file of lifecycle.files) if (!this.templates.has(file)) this.templates.set(file, loadTemplate(file));
  }

  private render(template: Template, values: Record<Field, string>): string {
    let out = template.parts[0]!;
    for (let i = 0; i < template.fields.length; i++) out += values[template.fields[i]!] + template.parts[i + 1]!;
    return out;
  }

  /** All the bodies of one new call (a fresh execution id) to a random seeded candidate. */
  lifecycle(candidateIndex = this.random.int(0, this.options.candidates - 1)): string[] {
    let r = this.random.next();
    const lifecycle = LIFECYCLES.find((item) => (r -= item.weight) < 0) ?? LIFECYCLES[0]!;
    const who = identityOf(candidateIndex);
    // Strictly increasing creation times: each new call is newer than every seeded one, as a real new call is.
    this.clock = Math.max(this.clock + 1, Date.now());
    const created = this.clock;
    const slot = this.random.pick(this.options.slots);
    const exec = this.random.uuid();
    this.stats.executions += 1;
    return lifecycle.files.map((file) => {
      const template = this.templates.get(file)!;
      return this.render(template, {
        EXEC: exec,
        PHONE: who.phone,
        NAME: who.name,
        FIRST: who.first,
        CREATED: formatBolnaTime(created * 1000 + this.random.int(0, 999)),
        UPDATED: formatBolnaTime((created + template.offsetMs) * 1000 + this.random.int(0, 999)),
        INITIATED: formatBolnaTime((created + 1600) * 1000 + this.random.int(0, 999)),
        SLOTDATE: slot.date,
        SLOTTIME: slot.time,
      });
    });
  }

  /** The next body to send. */
  next(): string {
    const { concurrentCalls = 400, shuffled = 0.2, duplicates = 0.03 } = this.options;
    let body: string;
    if (this.lastBodies.length > 0 && this.random.next() < duplicates) {
      body = this.random.pick(this.lastBodies);
      this.stats.duplicates += 1;
    } else {
      while (this.active.length < concurrentCalls) {
        const bodies = this.lifecycle();
        if (this.random.next() < shuffled) {
          for (let i = bodies.length - 1; i > 0; i--) {
            const j = this.random.int(0, i);
            [bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!];
          }
        }
        this.active.push({ bodies, next: 0 });
      }
      const slot = this.random.int(0, this.active.length - 1);
      const call = this.active[slot]!;
      body = call.bodies[call.next]!;
      call.next += 1;
      if (call.next >= call.bodies.length) {
        this.active[slot] = this.active[this.active.length - 1]!;
        this.active.pop();
      }
      this.lastBodies.push(body);
      if (this.lastBodies.length > 200) this.lastBodies.shift();
    }
    this.stats.bodies += 1;
    this.stats.bytes += body.length;
    if (body.length < this.stats.minBytes) this.stats.minBytes = body.length;
    if (body.length > this.stats.maxBytes) this.stats.maxBytes = body.length;
    return body;
  }
}
