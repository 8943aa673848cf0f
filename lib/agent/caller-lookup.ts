import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import { callLocalHour } from "@/lib/analytics/local-hour";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { isoIn, spokenWhen } from "@/lib/i18n/when";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { offeredSlots } from "@/lib/self-service/offered-slots";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { executionIdParam } from "./agent-call";
import { earliestBookable } from "./agent-slots";

/** Bolna's `ingest_source_config` request: the caller's number, and the call about to start. */
export const callerQuery = z.object({
  contact_number: z.string({ error: "is required" }).trim().min(1, "is required").max(40),
  execution_id: executionIdParam.optional(),
  agent_id: z.string().max(200).optional(),
});
export type CallerQuery = z.infer<typeof callerQuery>;

/** What the caller may still do about the interview on this call. */
type CallerAction = "confirm" | "move" | "decline";

export type CallerAnswer =
  | { known: false }
  | {
      known: true;
      candidate: {
        firstName: string;
        interviewAt: string;
        spoken: string;
        timeZone: string;
        language: string;
        status: string;
      };
      actions: CallerAction[];
    };

/** The same answer, and nothing else, for every number that is not a candidate's: no detail tells them apart. */
const UNKNOWN: CallerAnswer = { known: false };

/** What the caller may still do about the interview on this call. */
function actionsFor(db: Pick<Db, "select">, candidate: Candidate, now: Date): CallerAction[] {
  const ahead = candidate.interviewAt.getTime() > now.getTime();
  const actions: CallerAction[] = [];
  if (ahead && candidate.status !== "confirmed" && candidate.status !== "rescheduled") actions.push("confirm");
  if (offeredSlots(db, candidate, earliestBookable(now)).length > 0) actions.push("move");
  if (ahead && candidate.status !== "declined") actions.push("decline");
  return actions;
}

/**
 * `GET /api/agent/caller`: who is calling the agent's number, for Bolna to merge into the inbound agent's prompt.
 * A candidate's number gets their first name, interview (on their clock, in their language), status and what
 * they may do; any other number gets `{"known": false}`. With the call's execution id, the call is mapped to the
 * candidate at once (an inbound call, a call-back), so the agent's tools work before Bolna's first webhook.
 */
export function lookUpCaller(db: Db, query: CallerQuery, now = new Date()): CallerAnswer {
  const config = env();
  const phone = normalizePhone(query.contact_number, config.DEFAULT_COUNTRY);
  const candidate = phone ? db.select().from(candidates).where(eq(candidates.phone, phone)).get() : undefined;
  if (!candidate) return UNKNOWN;
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const language = candidateLanguage(candidate);
  if (query.execution_id) {
    db.insert(calls)
      .values({
        executionId: query.execution_id,
        candidateId: candidate.id,
        direction: "inbound",
        localHour: callLocalHour(candidate, now, config.INTERVIEW_TIMEZONE),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
  return {
    known: true,
    candidate: {
      firstName: candidate.name.trim().split(/\s+/)[0] ?? candidate.name,
      interviewAt: isoIn(candidate.interviewAt, zone),
      spoken: spokenWhen(candidate.interviewAt, zone, language, now),
      timeZone: zone,
      language,
      status: candidate.status,
    },
    actions: actionsFor(db, candidate, now),
  };
}
