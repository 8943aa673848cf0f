import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { calls, candidates, type Call, type Candidate } from "@/db/schema";
import type { Language } from "@/db/values";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { candidateZone } from "@/lib/time/zone-for-phone";

/**
 * How long after Callboard last heard of a call its tools still answer. A tool runs while the candidate is on
 * the line; Bolna's retries of the same execution ring within hours. An execution id older than this is no call
 * in progress, whoever holds the token.
 */
const AGENT_CALL_WINDOW_MS = 6 * 3600_000;

/** Bolna's execution ids are uuids; an older agent sent integers. Anything else names no call. */
export const executionIdParam = z.string().trim().min(1, "is required").max(200);

export type AgentCall = { call: Call; candidate: Candidate; zone: string; language: Language };

/** The call a tool names, with its candidate, zone and language; 404 when there is no such call in progress. */
export function agentCall(db: Pick<Db, "select">, executionId: string, now: Date): AgentCall {
  const row = db
    .select({ call: calls, candidate: candidates })
    .from(calls)
    .innerJoin(candidates, eq(candidates.id, calls.candidateId))
    .where(eq(calls.executionId, executionId))
    .get();
  const heard = row && (row.call.lastEventAt ?? row.call.createdAt).getTime();
  if (!row || heard === undefined || now.getTime() - heard > AGENT_CALL_WINDOW_MS) {
    throw new ApiError("not_found", `No call in progress has the execution id ${executionId}.`);
  }
  return {
    ...row,
    zone: candidateZone(row.candidate, env().INTERVIEW_TIMEZONE),
    language: candidateLanguage(row.candidate),
  };
}
