import { AudioRecording } from "@/app/_components/audio-recording";
import { LocalTime } from "@/app/_components/local-time";
import { OutcomeConfidence } from "@/app/_components/outcome-confidence";
import { ReconcileButton } from "@/app/_components/reconcile-button";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { TranscriptConversation } from "@/app/_components/transcript-conversation";
import type { TimelineCall } from "@/lib/candidates/candidate-timeline";
import { ExtractedData } from "./extracted-data";
import { OUTCOME_LABELS, formatCost, formatSeconds } from "./format";
import { RawDeliveryBodies, WebhookDeliveries } from "./webhook-deliveries";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

function Subheading({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <h4 id={id} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">
      {children}
    </h4>
  );
}

type Props = { call: TimelineCall; zone: string; showRawBodies: boolean };

/** One call: what Bolna reported, the conversation, the recording and every webhook delivery. */
export function CallCard({ call, zone, showRawBodies }: Props) {
  const headingId = `call-${call.id}`;
  const hangup = [call.hangupBy, call.hangupReason].filter(Boolean).join(" · ");
  return (
    <article
      aria-labelledby={headingId}
      data-execution-id={call.executionId}
      className="flex flex-col gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} className="text-sm font-semibold">
          Call <span className="font-mono text-xs font-normal text-slate-600">{call.executionId}</span>
        </h3>
        <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700" data-testid="call-status">
          {call.status ?? "unknown"}
        </span>
        {call.outcome && (
          <span className="text-sm">
            Outcome: <strong className="font-medium">{OUTCOME_LABELS[call.outcome]}</strong>
            {call.outcomeReason && <span className="text-slate-600"> — {call.outcomeReason}</span>}
          </span>
        )}
        <OutcomeConfidence confidence={call.confidence} label={call.confidenceLabel} evidence={call.confidenceEvidence} />
        {/* The safety net for lost webhooks: ask Bolna directly while the call has no final status. */}
        {!isTerminalStatus(call.status) && <ReconcileButton executionId={call.executionId} className="ml-auto" />}
      </header>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4 2xl:grid-cols-8">
        <Fact label="Placed by">{call.placedBy ?? <span title="First seen in a webhook">Outside Callboard</span>}</Fact>
        <Fact label="Started">
          <LocalTime value={call.bolnaCreatedAt ?? call.createdAt} fallbackZone={zone} precision="second" />
        </Fact>
        <Fact label="Bolna updated">
          <LocalTime value={call.bolnaUpdatedAt} fallbackZone={zone} precision="second" />
        </Fact>
        <Fact label="Last delivery">
          <LocalTime value={call.lastEventAt} fallbackZone={zone} precision="second" />
        </Fact>
        <Fact label="Duration">{formatSeconds(call.durationSeconds)}</Fact>
        <Fact label="Conversation">{formatSeconds(call.conversationSeconds)}</Fact>
        <Fact label="Cost">{formatCost(call.totalCost)}</Fact>
        <Fact label="Hangup">{hangup || "—"}</Fact>
      </dl>
      {call.errorMessage && (
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">Bolna reported an error: {call.errorMessage}</p>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby={`${headingId}-transcript`}>
          <Subheading id={`${headingId}-transcript`}>Transcript</Subheading>
          <TranscriptConversation transcript={call.transcript} label={`Transcript of call ${call.executionId}`} />
        </section>
        <div className="flex flex-col gap-4">
          <section aria-labelledby={`${headingId}-recording`}>
            <Subheading id={`${headingId}-recording`}>Recording</Subheading>
            <AudioRecording url={call.recordingUrl} label={`Recording of call ${call.executionId}`} />
          </section>
          <section aria-labelledby={`${headingId}-summary`}>
            <Subheading id={`${headingId}-summary`}>Summary</Subheading>
            <p className="text-sm text-slate-700">{call.summary ?? <span className="text-slate-500">No summary yet.</span>}</p>
          </section>
          <section aria-labelledby={`${headingId}-extracted`}>
            <Subheading id={`${headingId}-extracted`}>Extracted data</Subheading>
            <ExtractedData data={call.extractedData} />
          </section>
        </div>
      </div>

      <section aria-labelledby={`${headingId}-deliveries`} className="flex flex-col gap-2">
        <Subheading id={`${headingId}-deliveries`}>Webhook deliveries</Subheading>
        <WebhookDeliveries deliveries={call.deliveries} zone={zone} headingId={`${headingId}-deliveries`} />
        {showRawBodies && <RawDeliveryBodies deliveries={call.deliveries} callId={call.id} />}
      </section>
    </article>
  );
}
