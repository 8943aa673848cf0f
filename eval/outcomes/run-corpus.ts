import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { calls, candidates, outboxMessages, reviewItems } from "@/db/schema";
import { applyExecution } from "@/lib/calls/apply-execution";
import type { CallOutcome, CandidateStatus } from "@/db/values";
import { deliveryOf } from "@/tests/support/lifecycle";
import { bolnaBody, type Who } from "./bolna-body";
import type { CorpusCase } from "./corpus-case";

/** What Callboard did with one case: applied at once, or held for a person with a proposal. */
export type CaseResult = {
  case: CorpusCase;
  /** An open review item waits for a person. */
  held: boolean;
  /** What Callboard proposes: the review item's proposal, or what it applied. */
  proposed: CallOutcome;
  /** The candidate's status after the delivery. */
  applied: CandidateStatus;
  interviewAt: Date;
  confidence: number | null;
  reason: string;
  /** The kinds of the messages queued to the candidate. */
  messages: string[];
  /** The call marked the candidate do-not-call ("stop calling me"). */
  doNotCall: boolean;
};

const INTERVIEW = new Date("2031-03-03T05:30:00Z"); // Monday 11:00 in Kolkata, the slot every case is called about.
const FIRST_CALL = Date.UTC(2031, 1, 20, 6);
/** The configuration every case runs with: the contract's INTERVIEW_TIMEZONE and an Indian default country. */
const EVAL_CONFIG = { timezone: "UTC", defaultCountry: "IN" } as const;

/**
 * Delivers every case to the real pipeline (lib/calls/apply-execution.ts) as the webhook would — the body as
 * JSON text, parsed by parseExecution — on a fresh SQLite file with one candidate per case, and reads back what
 * it did: the candidate, the call, the review queue and the outbox.
 */
export function runCorpus(cases: CorpusCase[]): CaseResult[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-eval-"));
  const db = openDatabase(path.join(dir, "eval.db"), "OFF");
  try {
    return cases.map((entry, index) => {
      const phone = entry.candidate?.phone ?? `+9198${String(index).padStart(8, "0")}`;
      const timeZone = entry.candidate?.timeZone === undefined ? "Asia/Kolkata" : entry.candidate.timeZone;
      const now = new Date(FIRST_CALL);
      const candidate = db
        .insert(candidates)
        .values({
          name: "Rahul Sharma",
          phone,
          email: `candidate${index}@example.com`,
          position: "Data Analyst",
          timeZone,
          interviewAt: INTERVIEW,
          statusChangedAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      const who: Who = { name: candidate.name, position: candidate.position!, phone, interviewAt: INTERVIEW };
      const placedAt = new Date(FIRST_CALL + index * 60_000);
      const body = bolnaBody(entry.call, who, placedAt);
      applyExecution(db, deliveryOf(JSON.stringify(body), new Date(placedAt.getTime() + 120_000)), EVAL_CONFIG);

      const after = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()!;
      const call = db.select().from(calls).where(eq(calls.candidateId, candidate.id)).get();
      const open = db
        .select()
        .from(reviewItems)
        .where(and(eq(reviewItems.candidateId, candidate.id), eq(reviewItems.state, "open")))
        .get();
      const messages = db
        .select({ kind: outboxMessages.kind })
        .from(outboxMessages)
        .where(eq(outboxMessages.candidateId, candidate.id))
        .all();
      return {
        case: entry,
        held: open !== undefined,
        proposed: open?.proposedStatus ?? call?.outcome ?? "pending",
        applied: after.status,
        interviewAt: open?.proposedInterviewAt ?? after.interviewAt,
        confidence: open?.confidence ?? call?.confidence ?? null,
        reason: open?.proposedReason ?? after.statusReason ?? "",
        messages: messages.map((message) => message.kind),
        doNotCall: after.doNotCall,
      };
    });
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
