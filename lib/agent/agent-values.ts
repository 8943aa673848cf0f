/**
 * The languages Callboard speaks with candidates: the agent (Bolna's `agent_language`), the self-service page and
 * the e-mails (messages/<code>.json). A language is offered only when all three exist, and the outcome engine's
 * corpus has cases in it.
 */
export const LANGUAGES = ["en", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", hi: "हिन्दी (Hindi)" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Bolna's telephony_data.call_type: `inbound` is a candidate calling the agent's number. */
export const CALL_DIRECTIONS = ["outbound", "inbound"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
