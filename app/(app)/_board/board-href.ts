import type { CandidateListQuery } from "@/lib/candidates/candidate-input";

const DEFAULTS: Partial<Record<keyof CandidateListQuery, string>> = {
  sort: "interview",
  dir: "asc",
  page: "1",
  pageSize: "25",
  attention: "false",
};

/** The board's URL for a query: filters live in the URL, so a refresh, a link or the back button keeps them. */
export function boardHref(query: CandidateListQuery, change: Partial<CandidateListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === "" || DEFAULTS[key as keyof CandidateListQuery] === String(value)) continue;
    params.set(key, key === "attention" ? "1" : String(value));
  }
  const search = params.toString();
  return search ? `/?${search}` : "/";
}
