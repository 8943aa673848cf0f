import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { notFound } from "@/lib/http/api-error";

/**
 * Deletes the candidate with its calls, webhook events and allowed slots (foreign-key cascades): transcripts and
 * recordings are personal data. The audit trail keeps the name, the actor and the reason.
 */
export function deleteCandidate(db: Db, id: number, reason: string | null, actor: Actor): void {
  db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
      if (!candidate) throw notFound(`Candidate ${id}`);
      recordStatusChange(tx, {
        candidateId: candidate.id,
        candidateName: candidate.name,
        fromStatus: candidate.status,
        toStatus: null,
        source: "manual",
        actor: actor.label,
        reason: reason ?? `Deleted by ${actor.label}`,
        at: new Date(),
      });
      tx.delete(candidates).where(eq(candidates.id, id)).run();
    },
    { behavior: "immediate" },
  );
}
