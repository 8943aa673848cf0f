import type { Candidate } from "@/db/schema";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { ChangeResult } from "./candidate-changes";

/**
 * What the candidate is told after confirming or moving: what is now true, and what happens next. The page and
 * POST /api/self-service/{token} answer with the same words.
 */
export function answerFor(action: "confirm" | "reschedule", { candidate, changed }: ChangeResult): string {
  const when = `${formatInstant(candidate.interviewAt, candidateZone(candidate, env().INTERVIEW_TIMEZONE), "long")} (your time zone)`;
  const invite = inviteNote(candidate);
  if (action === "confirm") {
    return changed
      ? `Thank you, your interview is confirmed: ${when}. ${invite}`
      : `Your interview was already confirmed: ${when}. Nothing has changed.`;
  }
  return `Done: your interview has moved to ${when}. ${invite}`;
}

function inviteNote(candidate: Pick<Candidate, "email">): string {
  return candidate.email
    ? "The calendar invite is on its way to your e-mail; the recruiter sees your answer now."
    : "Add it to your calendar with the link on this page; the recruiter sees your answer now.";
}
