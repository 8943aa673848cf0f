import type { Candidate } from "@/db/schema";
import type { Language } from "@/db/values";
import { env } from "@/lib/env";

/** The candidate's language: the one stored with them, else DEFAULT_LANGUAGE (rows from before it was kept). */
export function candidateLanguage(candidate: Pick<Candidate, "language">): Language {
  return candidate.language ?? env().DEFAULT_LANGUAGE;
}
