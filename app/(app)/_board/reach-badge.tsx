import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { reconfirmationSummary, selfServiceSummary } from "@/lib/reach/reach-summary";
import { reconfirmationWords, selfServiceWords } from "@/lib/reach/reach-words";

/**
 * Under a board row's status: when Bolna calls next (a scheduled call or a retry), the reminder call
 * and the self-service link: two prepared lookups per row, no zone arithmetic (about 1.5 ms for a page of 50).
 */
export function ReachBadge({ candidate, zone }: { candidate: Candidate; zone: string }) {
  const now = new Date();
  const db = getDb();
  const reminder = reconfirmationWords(reconfirmationSummary(db, candidate, now, false));
  const link = selfServiceWords(selfServiceSummary(db, candidate.id, now));
  if (!candidate.nextAttemptAt && !reminder && !link) return null;
  return (
    <ul className="mt-1 flex flex-col gap-0.5 text-xs text-slate-600" data-testid="reach">
      {candidate.nextAttemptAt && (
        <li className="text-sky-800">
          {(candidate.nextAttemptNumber ?? 1) > 1 ? `Retry ${candidate.nextAttemptNumber! - 1}` : "Scheduled"}{" "}
          <LocalTime value={candidate.nextAttemptAt} fallbackZone={zone} />
        </li>
      )}
      {reminder && <li>{reminder}</li>}
      {link && <li>{link}</li>}
    </ul>
  );
}
