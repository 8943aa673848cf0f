import Link from "next/link";
import { AudioRecording } from "@/app/_components/audio-recording";
import { InterviewTime } from "@/app/_components/interview-time";
import { LocalTime } from "@/app/_components/local-time";
import { ConfidenceBadge, EvidenceList } from "@/app/_components/outcome-confidence";
import { StatusBadge } from "@/app/_components/status-badge";
import { TranscriptConversation } from "@/app/_components/transcript-conversation";
import { recordingSrc } from "@/lib/calls/recording-src";
import { env } from "@/lib/env";
import type { ReviewQueueItem } from "@/lib/review/list-reviews";
import { candidateZone } from "@/lib/time/zone-for-phone";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** One review item on one screen: who, what Callboard proposes and why, the recording and the transcript. */
export function ReviewItem({ entry, zone, decision }: { entry: ReviewQueueItem; zone: string; decision: React.ReactNode }) {
  const { item, candidate, call } = entry;
  return (
    <article aria-labelledby="review-item-heading" data-review-id={item.id} className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h2 id="review-item-heading" className="text-lg font-semibold">
          <Link href={`/candidates/${candidate.id}`} className="hover:underline">
            {candidate.name}
          </Link>
        </h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
          <Fact term="Phone">
            <span className="tabular-nums">{candidate.phone}</span>
          </Fact>
          <Fact term="Position">{candidate.position ?? "—"}</Fact>
          <Fact term="Interview">
            <InterviewTime value={candidate.interviewAt} zone={candidateZone(candidate, zone)} />
          </Fact>
          <Fact term="Call placed">
            <LocalTime value={call.placedAt} />
          </Fact>
        </dl>
      </header>

      <section
        aria-labelledby="proposal-heading"
        className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h3 id="proposal-heading" className="text-sm font-semibold">
            Proposed
          </h3>
          <span data-testid="proposed-status">
            <StatusBadge status={item.proposedStatus} />
          </span>
          <ConfidenceBadge confidence={item.confidence} label={item.confidenceLabel} />
        </div>
        <p className="text-sm text-slate-700">
          {item.proposedReason}
          {item.proposedInterviewAt && (
            <>
              {" "}
              — new time <LocalTime value={item.proposedInterviewAt} />
            </>
          )}
        </p>
        <EvidenceList evidence={call.evidence ?? []} />
        {decision}
      </section>

      <section aria-labelledby="recording-heading" className="flex flex-col gap-2">
        <h3 id="recording-heading" className="text-sm font-semibold">
          Recording
        </h3>
        <AudioRecording
          src={recordingSrc(call.recordingUrl, env().demoMode)}
          label={`Recording of the call to ${candidate.name}`}
        />
      </section>
      <section aria-labelledby="transcript-heading" className="flex flex-col gap-2">
        <h3 id="transcript-heading" className="text-sm font-semibold">
          Transcript
        </h3>
        <TranscriptConversation transcript={call.transcript} label={`Transcript of the call to ${candidate.name}`} />
      </section>
    </article>
  );
}
