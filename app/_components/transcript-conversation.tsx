import { transcriptTurns, type Speaker } from "@/lib/candidates/transcript-turns";

const LABEL: Record<Speaker, string> = { agent: "Agent", candidate: "Candidate", unknown: "Unlabelled" };

const ROW: Record<Speaker, string> = { agent: "justify-start", candidate: "justify-end", unknown: "justify-center" };

const BUBBLE: Record<Speaker, string> = {
  agent: "bg-slate-100 text-slate-900 rounded-bl-sm",
  candidate: "bg-sky-800 text-white rounded-br-sm",
  unknown: "bg-white text-slate-700 ring-1 ring-slate-200",
};

const TAG: Record<Speaker, string> = { agent: "text-slate-600", candidate: "text-sky-100", unknown: "text-slate-600" };

/** A call transcript as a conversation: the agent on the left, the candidate on the right, each turn labelled. */
export function TranscriptConversation({ transcript, label }: { transcript: string | null; label: string }) {
  const turns = transcriptTurns(transcript);
  if (turns.length === 0) return <p className="text-sm text-slate-600">No transcript yet.</p>;
  return (
    <ol
      aria-label={label}
      tabIndex={0}
      className="flex max-h-[32rem] flex-col gap-1.5 overflow-y-auto rounded pr-1 focus-visible:outline-2 focus-visible:outline-sky-500"
    >
      {turns.map((turn, index) => (
        <li key={index} data-speaker={turn.speaker} className={`flex ${ROW[turn.speaker]}`}>
          <p
            className={`min-w-0 max-w-[85%] whitespace-pre-line break-words rounded-2xl px-3 py-1.5 text-sm ${BUBBLE[turn.speaker]}`}
          >
            <span className={`block text-[0.65rem] font-semibold uppercase tracking-wide ${TAG[turn.speaker]}`}>
              {LABEL[turn.speaker]}
              <span className="sr-only">:</span>
            </span>
            {turn.text}
          </p>
        </li>
      ))}
    </ol>
  );
}
