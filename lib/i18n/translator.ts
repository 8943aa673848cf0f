import { createTranslator } from "next-intl";
import type { Language } from "@/db/values";
import en from "@/messages/en.json";
import hi from "@/messages/hi.json";

/**
 * Every text Callboard writes to candidates, per language (messages/<code>.json, ICU message syntax). English is
 * the reference: the type makes every other file carry the same keys.
 */
export const MESSAGES = { en, hi } satisfies Record<Language, typeof en>;

/**
 * next-intl's translator for one language. It needs no request (no locale routing: the language is the
 * candidate's, not the browser's), so server components, server actions, route handlers and the mail job all
 * use it alike.
 */
export function translator<N extends keyof typeof en>(language: Language, namespace: N) {
  return createTranslator({ locale: language, messages: MESSAGES[language], namespace });
}
