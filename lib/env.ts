import { z } from "zod";
import { RETRYABLE_STATUSES, LANGUAGES } from "@/db/values";
import { retryIntervalsMinutes } from "@/lib/bolna/retry-config";
import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies, trustedProxyMatcher } from "@/lib/http/trusted-proxies";
import { ANY_TIME, parseDays, parseHours } from "@/lib/time/calling-hours";
import { isTimeZone } from "@/lib/time/time-zones";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalString = z.string().optional();

/** A variable set to nothing (`FOO=` in .env, as .env.example lists them) is unset: it gets its default. */
const withoutEmptyValues = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, value]) => value === undefined || value.trim() !== ""));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // The demo simulator posts to this port: it must be the real one (no 0 for "any").
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Unset: 0.0.0.0, or 127.0.0.1 when a proxy is configured (TRUSTED_PROXY_HOPS ≥ 1), so it is the only way in. */
    HOSTNAME: optionalString,
    /** Load shedding (lib/server/load-shedding.ts): past these, npm start's server answers 503 with Retry-After. */
    MAX_CONNECTIONS: z.coerce.number().int().min(16).max(100_000).default(1024),
    MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
    MAX_WEBHOOK_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
    /** One client address's share: open connections, and requests being answered at once (more wait in line). */
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(128),
    MAX_IN_FLIGHT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(16),
    /** Past this event-loop lag (ms), readiness fails and new page and API requests are shed. */
    MAX_EVENT_LOOP_LAG_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** Readiness fails when the database's file system has less free space than this (MiB). */
    MIN_FREE_DISK_MB: z.coerce.number().min(0).max(1_000_000).default(8),
    /** Open live streams (GET /api/live) in total and per signed-in user or token. */
    MAX_LIVE_STREAMS: z.coerce.number().int().min(1).max(100_000).default(256),
    MAX_LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(8),
    /** How often an open live stream asks again whether its session is still valid (at least once a minute). */
    LIVE_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(60).default(30),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Request logs: `line` (short, to read) or `json` (headers too, for a collector); unset: `line` on a terminal. */
    LOG_FORMAT: z.enum(["json", "line"]).optional(),
    DATABASE_PATH: z.string().min(1).default("./data/callboard.db"),
    // FULL: a delivery acknowledged with 2xx survives power loss, not only a process crash (see docs/security.md, "Guarantees").
    SQLITE_SYNCHRONOUS: z.enum(["OFF", "NORMAL", "FULL", "EXTRA"]).default("FULL"),
    SEED_DEMO: booleanString.optional(),
    /** Days after which transcripts, recordings, extracted data and raw webhook bodies are purged. */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    API_TOKEN: z.string().min(24, "API_TOKEN must be at least 24 characters").optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** The peers whose X-Forwarded-For counts (addresses or CIDRs); any other peer is taken at its own address. */
    TRUSTED_PROXIES: z
      .string()
      .default(DEFAULT_TRUSTED_PROXIES)
      .refine((value) => parseTrustedProxies(value) !== null, "TRUSTED_PROXIES must list IP addresses or CIDR ranges"),
    /** Set by npm start's server for its own process (scripts/start.ts): never set it yourself. */
    CALLBOARD_PEER_SECRET: optionalString,
    BOLNA_WEBHOOK_IPS: optionalString,
    WEBHOOK_ALLOW_LOOPBACK: booleanString.optional(),
    WEBHOOK_SECRET: optionalString,
    /** Deliveries per second accepted from one sender IP before 429 (Bolna retries); 0 turns the limit off. */
    WEBHOOK_RATE_LIMIT: z.coerce.number().int().min(0).default(300),
    INTERVIEW_TIMEZONE: z.string().refine(isTimeZone, "INTERVIEW_TIMEZONE must be an IANA time zone").default("UTC"),
    DEFAULT_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "DEFAULT_COUNTRY must be an ISO 3166-1 alpha-2 code")
      .default("IN"),
    BOLNA_API_KEY: optionalString,
    BOLNA_API_URL: z.url().default("https://api.bolna.ai"),
    BOLNA_AGENT_ID: optionalString,
    BOLNA_FROM_NUMBER: optionalString,
    /** Demo mode only: divides the built-in simulator's delays (1 plays a call over about 15 s; tests use 50+). */
    BOLNA_SIMULATOR_SPEED: z.coerce.number().positive().max(10_000).default(1),
    /** A call with no terminal status this long after its last event is fetched from Bolna (GET /executions/:id). */
    RECONCILE_AFTER_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(5),
    /** Overrides RECONCILE_AFTER_MINUTES with seconds (tests). */
    RECONCILE_AFTER_SECONDS: z.coerce
      .number()
      .positive()
      .max(24 * 3600)
      .optional(),
    /** A batch stops waiting for a call's final status after this long and counts the item as failed. */
    BATCH_ITEM_TIMEOUT_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    // --- Reaching candidates ---
    /** Local hours in the candidate's zone when calls may ring, e.g. 09:00-20:00; empty: any time. */
    CALLING_HOURS: z
      .string()
      .refine((value) => parseHours(value) !== null, "CALLING_HOURS must look like 09:00-20:00 (start before end)")
      .optional(),
    /** Days when calls may ring, e.g. Mon-Sat or Mon-Fri,Sun; empty: every day. */
    CALLING_DAYS: z
      .string()
      .refine((value) => parseDays(value) !== null, "CALLING_DAYS must look like Mon-Sat or Mon,Wed,Fri")
      .optional(),
    /** Bolna retries per call (1–3); 0 turns retries off. A batch may override it. */
    CALL_RETRIES: z.coerce.number().int().min(0).max(3).default(0),
    CALL_RETRY_ON: z
      .string()
      .default("no-answer,busy,failed")
      .transform((value) => value.split(",").map((status) => status.trim()))
      .pipe(z.array(z.enum(RETRYABLE_STATUSES)).min(1)),
    CALL_RETRY_ON_VOICEMAIL: booleanString.default(false),
    CALL_RETRY_INTERVALS_MINUTES: z
      .string()
      .default("30,60,120")
      .transform((value) => value.split(",").map((minutes) => Number(minutes.trim())))
      .pipe(retryIntervalsMinutes),
    /** Hours before the interview when confirmed candidates get a reminder call; 0 turns it off. */
    RECONFIRM_HOURS_BEFORE: z.coerce
      .number()
      .min(0)
      .max(14 * 24)
      .default(24),
    /** Days a self-service link lasts (never past the interview). */
    SELF_SERVICE_LINK_DAYS: z.coerce.number().positive().max(90).default(7),
    /** No self-service change to an interview, and no move to a slot, this many hours before it. */
    SELF_SERVICE_CUTOFF_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 30)
      .default(12),
    /** How many changes (confirm, reschedule) one self-service link allows. */
    SELF_SERVICE_MAX_CHANGES: z.coerce.number().int().min(1).max(20).default(2),
    /** Self-service links one user (or the API token) may create per hour; each e-mails a candidate. */
    SELF_SERVICE_LINKS_PER_USER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
    /** Self-service requests (page views and actions) per client address per minute. */
    SELF_SERVICE_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
    /** How long an interview lasts in the calendar invite. */
    INTERVIEW_DURATION_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    /** smtp://user:pass@host:587 or smtps://…; empty: messages stay in the outbox (/outbox) unsent. */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).max(320).default("Callboard <callboard@localhost>"),
    /**
     * How long the sender waits for the SMTP server: to connect, for its greeting, and for any answer once
     * connected (an unanswered DATA included). A message cut short is retried later with the same Message-ID.
     */
    SMTP_CONNECTION_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    SMTP_GREETING_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
    SMTP_SOCKET_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(60),
    /**
     * A confirmation or reschedule less sure than this (0–1, lib/calls/outcome-confidence.ts) does not change the
     * candidate's status: it waits in the review queue (lib/review/hold-for-review.ts). A decline also needs high
     * confidence (0.8), and an answered call that decided nothing always waits, whatever this says.
     */
    REVIEW_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
    // --- The agent on the line: tools during the call, call-backs, languages, the executions sweep ---
    /** The language of a candidate added without one (the agent, the self-service page, e-mails). */
    DEFAULT_LANGUAGE: z.enum(LANGUAGES).default("en"),
    /** Opens /api/agent/* (Bolna's tool and inbound requests) and nothing else; unset: those endpoints answer 503. */
    AGENT_TOOL_TOKEN: z.string().min(24, "AGENT_TOOL_TOKEN must be at least 24 characters").optional(),
    /** Caller look-ups (GET /api/agent/caller) per minute, in all: no token holder can walk the phone book. */
    AGENT_CALLER_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(60),
    /** How often Bolna's executions list is swept for calls whose webhooks never came; 0 turns the sweep off. */
    BOLNA_SWEEP_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 3600)
      .default(300),
    /** How far back the first sweep looks, in hours (and the oldest a sweep ever looks back to: 7 days). */
    BOLNA_SWEEP_WINDOW_HOURS: z.coerce
      .number()
      .positive()
      .max(7 * 24)
      .default(24),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** The public URL (e.g. https://callboard.example.com): trusted origin for sign-in, and Secure cookies on https. */
    APP_URL: z.url().optional(),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: optionalString,
  })
  .transform((env) => {
    const demoMode = !env.BOLNA_API_KEY;
    const production = env.NODE_ENV === "production";
    return {
      ...env,
      demoMode,
      production,
      HOSTNAME: env.HOSTNAME ?? (env.TRUSTED_PROXY_HOPS >= 1 ? "127.0.0.1" : "0.0.0.0"),
      /** Whether HOSTNAME was chosen for the operator: npm start says so. */
      hostnameDefaulted: env.HOSTNAME === undefined,
      isTrustedProxy: trustedProxyMatcher(parseTrustedProxies(env.TRUSTED_PROXIES)!),
      SEED_DEMO: env.SEED_DEMO ?? true,
      reconcileAfterMs: (env.RECONCILE_AFTER_SECONDS ?? env.RECONCILE_AFTER_MINUTES * 60) * 1000,
      callingHours: {
        ...(env.CALLING_HOURS ? parseHours(env.CALLING_HOURS)! : ANY_TIME),
        days: env.CALLING_DAYS ? parseDays(env.CALLING_DAYS)! : ANY_TIME.days,
      },
      WEBHOOK_ALLOW_LOOPBACK: env.WEBHOOK_ALLOW_LOOPBACK ?? (!production || demoMode),
    };
  })
  .superRefine((env, ctx) => {
    if (env.AGENT_TOOL_TOKEN && env.AGENT_TOOL_TOKEN === env.API_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["AGENT_TOOL_TOKEN"],
        message: "AGENT_TOOL_TOKEN must differ from API_TOKEN: it opens the agent endpoints only",
      });
    }
    if (env.production && !env.demoMode && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The configuration an environment gives; a bad value throws with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(withoutEmptyValues(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

/** Parses process.env once; a bad value stops the process with every problem listed. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
