import fc from "fast-check";
import { loadPayload } from "./payloads";
import type { RawRequest } from "./raw-http";

/**
 * Generated webhook requests: sample bodies mutated field by field (wrong types, huge and odd strings, bad
 * numbers, deep nesting), bodies that are not JSON at all, and odd headers (X-Forwarded-For, Content-Type,
 * framing). Everything is described by small fast-check values and turned into bytes only when sent, so ten
 * thousand cases cost little memory.
 */

const FIXTURES = [
  "01-queued",
  "02-ringing",
  "03-in-progress",
  "04-call-disconnected",
  "05-completed-confirmed",
  "06-no-answer",
  "07-busy",
  "08-failed",
  "09-completed-declined",
  "10-completed-rescheduled",
].map((name) => loadPayload(name));

/** A JSON value, or raw JSON text spliced in as it is (for tokens JSON.stringify cannot write). */
type Weird = { value: unknown } | { raw: string };

const RAW_NUMBERS = [
  "1e400",
  "-1e400",
  "-0",
  "1e-400",
  "123456789012345678901234567890",
  "9007199254740993",
  "0.1e1",
  "-0.0",
  "5e-324",
];
const INVALID_TOKENS = ["NaN", "Infinity", "-Infinity", "undefined", "0x10", "01", "+1", ".5", "'single'"];
const ODD_STRINGS = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-0",
  " 12 ",
  "0x10",
  "null",
  "true",
  "undefined",
  "\u0000",
  "\ud800",
  "\udfff",
  "\udc00\ud800",
  "🙂",
  "👩‍👩‍👧‍👦",
  "\u202eevil",
  "e\u0301\u0301\u0301",
  "Ω≈ç√∫",
  "<script>alert(1)</script>",
  "'; DROP TABLE candidates; --",
  "COMPLETED",
  " completed ",
  "call-disconnected",
  "2025-12-10T09:33:58.772410",
  "2025-02-30T25:61:61",
  "9999-12-31T23:59:59.999999+14:00",
  "0000-01-01T00:00:00",
  "+919800000101",
  "09800000101",
  "+1 (415) 555-0123",
];

/** A long string of one unit; `size` is roughly its length once written as JSON (lone surrogates are escaped). */
const bigString = (kind: number, size: number): string => {
  const [unit, written] = (
    [
      ["a", 1],
      ["🙂", 4],
      ["\ud800", 6],
      ["é", 2],
      ["\u0000", 6],
      ["assistant: hello\nuser: yes\n", 28],
    ] as const
  )[kind % 6]!;
  return unit.repeat(Math.max(1, Math.floor(size / written)));
};

const nested = (depth: number, kind: "array" | "object"): string =>
  kind === "array" ? `${"[".repeat(depth)}1${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const weirdArb: fc.Arbitrary<Weird> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS).map((value) => ({ value })) },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((raw) => ({ raw })) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_TOKENS).map((raw) => ({ raw })) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom<unknown>(true, false, null, 0, -1, 1.5, 2 ** 53, [], {}, [1, "a", null], { nested: { x: 1 } }, "0.0", "75")
      .map((value) => ({ value })),
  },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }).map((value) => ({ value })) },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 })
      .map((value) => ({ value })),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ value })) },
  // Long strings: mostly tens of kilobytes, sometimes close to the 1 MiB cap.
  {
    weight: 2,
    arbitrary: fc
      .record({
        kind: fc.nat(5),
        size: fc.oneof(
          { weight: 40, arbitrary: fc.integer({ min: 1000, max: 20_000 }) },
          { weight: 3, arbitrary: fc.integer({ min: 100_000, max: 300_000 }) },
          { weight: 1, arbitrary: fc.integer({ min: 850_000, max: 900_000 }) },
        ),
      })
      .map(({ kind, size }) => ({ value: bigString(kind, size) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ depth: fc.constantFrom(33, 100, 1000, 10_000), kind: fc.constantFrom<"array" | "object">("array", "object") })
      .map(({ depth, kind }) => ({ raw: nested(depth, kind) })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((n) => ({ value: Array.from({ length: n }, (_, i) => i) })) },
);

type Mutation = { op: "set" | "delete" | "add"; pick: number; weird: Weird; key: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation["op"]>("set", "set", "set", "delete", "add"),
  pick: fc.nat(),
  weird: weirdArb,
  key: fc.oneof(
    fc.constantFrom("id", "execution_id", "status", "extracted_data", "final_slot", "__proto__", "constructor", "toString"),
    fc.string({ maxLength: 12 }),
  ),
});

type BodySpec =
  | { kind: "mutated"; fixture: number; mutations: Mutation[]; freshId: boolean }
  | { kind: "json"; value: unknown }
  | { kind: "truncated"; fixture: number; cut: number }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "empty" }
  | { kind: "deep"; depth: number; shape: "array" | "object" | "extracted" }
  | { kind: "oversized"; size: number };

const bodyArb: fc.Arbitrary<BodySpec> = fc.oneof(
  {
    weight: 120,
    arbitrary: fc.record({
      kind: fc.constant("mutated" as const),
      fixture: fc.nat(FIXTURES.length - 1),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
      freshId: fc.boolean(),
    }),
  },
  { weight: 16, arbitrary: fc.jsonValue({ maxDepth: 5 }).map((value) => ({ kind: "json" as const, value })) },
  {
    weight: 16,
    arbitrary: fc.record({ kind: fc.constant("truncated" as const), fixture: fc.nat(FIXTURES.length - 1), cut: fc.nat() }),
  },
  { weight: 16, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ kind: "bytes" as const, bytes })) },
  { weight: 6, arbitrary: fc.constant({ kind: "empty" as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("deep" as const),
      depth: fc.constantFrom(10_000, 10_000, 10_000, 100_000),
      shape: fc.constantFrom<"array" | "object" | "extracted">("array", "object", "extracted"),
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_048_577, max: 1_100_000 }).map((size) => ({ kind: "oversized" as const, size })) },
);

const XFF_VALUES: (string | Buffer)[] = [
  "",
  " ",
  "127.0.0.1",
  "::1",
  "::ffff:127.0.0.1",
  "13.203.39.153",
  "13.203.39.153, 127.0.0.1",
  "1.2.3.4,,5.6.7.8",
  ",,,,",
  "unknown",
  "127.1",
  "0x7f.0.0.1",
  "0177.0.0.1",
  "[::1]",
  "127.0.0.1:8080",
  "fe80::1%eth0",
  "999.999.999.999",
  "1.2.3.4 5.6.7.8",
  "1.2.3.4;5.6.7.8",
  Array.from({ length: 1000 }, (_, i) => `10.0.${i % 256}.${i % 200}`).join(", "),
  "a".repeat(9000),
  Buffer.from([0xc3, 0xa9, 0x2e, 0x31]),
  Buffer.from("🙂", "utf8"),
  Buffer.from([0xff, 0xfe, 0x00, 0x41]),
];

const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/json;charset=latin1",
  "application/vnd.bolna+json",
];
const OTHER_TYPES: (string | null)[] = [
  "application/+json",
  "application/jsonp",
  "text/json",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "",
  " ",
  null,
  ";;;",
  "application/json, text/plain",
  `application/json; ${"x=y; ".repeat(500)}`,
];

export type CaseSpec = {
  method: string;
  path: string;
  body: BodySpec;
  contentType: string | null;
  xff: (string | Buffer)[];
  framing: "length" | "chunked" | "bad-length" | "double-length";
  extraHeaders: [string, string][];
};

export const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  method: fc.oneof(
    { weight: 30, arbitrary: fc.constant("POST") },
    { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") },
  ),
  path: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom("/webhook", "/api/webhook") },
    // Variants that still reach (or redirect to) the webhook route.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "/webhook?x=1",
        "/api/webhook/",
        "/webhook/",
        "/webhook/../api/webhook",
        "/api/./webhook",
        "/api/webhook?" + "q".repeat(5000),
        "/webhook#frag",
      ),
    },
  ),
  body: bodyArb,
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<string | null>(...JSON_TYPES) },
    { weight: 1, arbitrary: fc.constantFrom(...OTHER_TYPES) },
  ),
  xff: fc.oneof(
    { weight: 6, arbitrary: fc.constant<(string | Buffer)[]>([]) },
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...XFF_VALUES), { minLength: 1, maxLength: 3 }) },
  ),
  framing: fc.oneof(
    { weight: 20, arbitrary: fc.constant("length" as const) },
    { weight: 4, arbitrary: fc.constant("chunked" as const) },
    { weight: 1, arbitrary: fc.constantFrom("bad-length" as const, "double-length" as const) },
  ),
  extraHeaders: fc.array(
    fc.oneof(
      fc.constantFrom<[string, string]>(
        ["X-Webhook-Secret", "wrong"],
        ["X-Callboard-Peer", "forged 1.2.3.4 -"],
        ["X-Real-IP", "13.203.39.153"],
        ["Forwarded", "for=13.203.39.153"],
        ["Content-Encoding", "gzip"],
        ["Expect", "100-continue"],
        ["Accept", "text/html"],
        ["X-Request-Id", "../../etc/passwd"],
        ["Cookie", "callboard.session_token=forged"],
        ["Authorization", "Bearer forged"],
      ),
      fc.tuple(
        fc.stringMatching(/^X-[A-Za-z-]{1,20}$/),
        fc.string({ unit: "binary-ascii", maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, "")),
      ),
    ),
    { maxLength: 3 },
  ),
});

function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    if (out.length < 400) pathsOf(child, path, out);
  }
  return out;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The body bytes of a spec; `raw` tokens are spliced in through placeholders that JSON.stringify leaves alone. */
function bodyBytes(spec: BodySpec, uniqueId: string): Buffer {
  switch (spec.kind) {
    case "empty":
      return Buffer.alloc(0);
    case "bytes":
      return Buffer.from(spec.bytes);
    case "json":
      return Buffer.from(JSON.stringify(spec.value) ?? "null");
    case "oversized":
      return Buffer.concat([
        Buffer.from(`{"id":${JSON.stringify(uniqueId)},"status":"completed","transcript":"`),
        Buffer.alloc(spec.size, "x"),
        Buffer.from('"}'),
      ]);
    case "truncated": {
      const text = JSON.stringify({ ...FIXTURES[spec.fixture]!, id: uniqueId });
      return Buffer.from(text.slice(0, spec.cut % text.length));
    }
    case "deep": {
      if (spec.shape === "extracted") {
        const text = JSON.stringify({ ...FIXTURES[4]!, id: uniqueId, extracted_data: "__RAW__" });
        return Buffer.from(text.replace('"__RAW__"', nested(spec.depth, "object")));
      }
      return Buffer.from(nested(spec.depth, spec.shape));
    }
    case "mutated": {
      const body = structuredClone(FIXTURES[spec.fixture]!) as Record<string, unknown>;
      if (spec.freshId) body.id = uniqueId;
      const raws: string[] = [];
      const place = (weird: Weird): unknown => {
        // Cloned: constantFrom hands out the same object every time, and a later mutation must not reach into it.
        if ("value" in weird) return weird.value === undefined ? undefined : structuredClone(weird.value);
        raws.push(weird.raw);
        return `__RAW_${raws.length - 1}__`;
      };
      for (const mutation of spec.mutations) {
        const paths = pathsOf(body);
        const path = paths[mutation.pick % Math.max(1, paths.length)] ?? [mutation.key];
        let parent: Record<string | number, unknown> = body;
        for (const step of path.slice(0, -1)) {
          const next = parent[step];
          if (typeof next !== "object" || next === null) break;
          parent = next as Record<string | number, unknown>;
        }
        const last = path.at(-1)!;
        if (mutation.op === "delete") delete parent[last];
        else if (mutation.op === "add")
          Object.defineProperty(parent, mutation.key, {
            value: place(mutation.weird),
            enumerable: true,
            configurable: true,
            writable: true,
          });
        else parent[last] = place(mutation.weird);
      }
      // Lone surrogates in the execution id trigger a known, separately proved bug (webhook-fuzz.test.ts,
      // "execution ids that are not well-formed Unicode"); keep them out of the ids so the fuzzer stays a clean
      // signal for everything else. They still reach every other field.
      for (const key of ["id", "execution_id"]) {
        if (typeof body[key] === "string") body[key] = (body[key] as string).replace(LONE_SURROGATE, "?");
      }
      let text = JSON.stringify(body);
      raws.forEach((raw, index) => {
        text = text.replace(`"__RAW_${index}__"`, () => raw);
      });
      return Buffer.from(text, "utf8");
    }
  }
}

/** The request for a spec, with its framing and headers. */
export function toRawRequest(spec: CaseSpec, uniqueId: string): RawRequest {
  const body = bodyBytes(spec.body, uniqueId);
  const headers: [string, string | Buffer][] = [];
  if (spec.contentType !== null) headers.push(["Content-Type", spec.contentType]);
  for (const value of spec.xff) headers.push(["X-Forwarded-For", value]);
  headers.push(...spec.extraHeaders);
  let framing: RawRequest["framing"] = spec.framing === "chunked" ? "chunked" : "length";
  if (spec.framing === "bad-length") {
    headers.push(["Content-Length", "abc"]);
    framing = "none";
  } else if (spec.framing === "double-length") {
    headers.push(["Content-Length", String(body.length)], ["Content-Length", String(body.length + 1)]);
    framing = "none";
  }
  return { method: spec.method, path: spec.path, headers, body, framing };
}
