import { LANGUAGES, type Language } from "@/db/values";

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", hi: "हिन्दी (Hindi)" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
