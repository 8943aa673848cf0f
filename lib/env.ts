import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOSTNAME: z.string().default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_PATH: z.string().min(1).default("./data/callboard.db"),
    // FULL: a delivery acknowledged with 2xx survives power loss, not only a process crash (see README).
    SQLITE_SYNCHRONOUS: z.enum(["OFF", "NORMAL", "FULL", "EXTRA"]).default("FULL"),
    SEED_DEMO: z.preprocess(emptyAsUndefined, booleanString.optional()),
    /** Days after which transcripts, recordings, extracted data and raw webhook bodies are purged. */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(24, "API_TOKEN must be at least 24 characters").optional()),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    BOLNA_WEBHOOK_IPS: optionalString,
    WEBHOOK_ALLOW_LOOPBACK: z.preprocess(emptyAsUndefined, booleanString.optional()),
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
    BOLNA_SIMULATOR_SPEED: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(10_000).default(1)),
    /** A call with no terminal status this long after its last event is fetched from Bolna (GET /executions/:id). */
    RECONCILE_AFTER_MINUTES: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .positive()
        .max(24 * 60)
        .default(5),
    ),
    /** Overrides RECONCILE_AFTER_MINUTES with seconds (tests). */
    RECONCILE_AFTER_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .positive()
        .max(24 * 3600)
        .optional(),
    ),
    /** A batch stops waiting for a call's final status after this long and counts the item as failed. */
    BATCH_ITEM_TIMEOUT_MINUTES: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number()
        .positive()
        .max(24 * 60)
        .default(15),
    ),
    /**
     * Issue #15: a derived outcome less sure than this (0–1, lib/calls/outcome-confidence.ts) does not change the
     * candidate's status: it waits in the review queue. 0 applies every outcome, 1 sends every decision to review.
     */
    REVIEW_CONFIDENCE_THRESHOLD: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(1).default(0.7)),
    AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    /** The public URL (e.g. https://callboard.example.com): trusted origin for sign-in, and Secure cookies on https. */
    APP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
    ADMIN_PASSWORD: optionalString,
  })
  .transform((env) => {
    const demoMode = !env.BOLNA_API_KEY;
    const production = env.NODE_ENV === "production";
    return {
      ...env,
      demoMode,
      production,
      SEED_DEMO: env.SEED_DEMO ?? true,
      reconcileAfterMs: (env.RECONCILE_AFTER_SECONDS ?? env.RECONCILE_AFTER_MINUTES * 60) * 1000,
      WEBHOOK_ALLOW_LOOPBACK: env.WEBHOOK_ALLOW_LOOPBACK ?? (!production || demoMode),
    };
  })
  .superRefine((env, ctx) => {
    if (env.production && !env.demoMode && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; a bad value stops the process with every problem listed. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
