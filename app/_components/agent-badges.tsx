import { LocalTime } from "@/app/_components/local-time";
import type { Candidate } from "@/db/schema";

type Props = { candidate: Pick<Candidate, "doNotCall" | "lastCallbackAt" | "lastCallAt"> };

/** Under a board row's status: "Do not call", and "Called back" when the latest call came from the candidate. */
export function AgentBadges({ candidate }: Props) {
  const calledBack =
    candidate.lastCallbackAt !== null &&
    candidate.lastCallAt !== null &&
    candidate.lastCallbackAt.getTime() >= candidate.lastCallAt.getTime();
  if (!candidate.doNotCall && !calledBack) return null;
  return (
    <ul className="mt-1 flex flex-col items-end gap-0.5 text-xs md:items-start">
      {candidate.doNotCall && (
        <li className="rounded bg-rose-100 px-1.5 font-semibold text-rose-900" data-testid="do-not-call-badge">
          Do not call
        </li>
      )}
      {calledBack && (
        <li className="text-violet-800" data-testid="called-back">
          Called back <LocalTime value={candidate.lastCallbackAt} />
        </li>
      )}
    </ul>
  );
}
