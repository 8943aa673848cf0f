import { AudioRecording } from "@/app/_components/audio-recording";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { LocalTime } from "@/app/_components/local-time";
import { OutcomeConfidence } from "@/app/_components/outcome-confidence";
import { ReconcileButton } from "@/app/_components/reconcile-button";
import { TranscriptConversation } from "@/app/_components/transcript-conversation";
import { endStuckCall } from "@/app/(app)/call-actions";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { callStatusWords } from "@/lib/candidates/candidate-situation";
import type { TimelineCall } from "@/lib/candidates/candidate-timeline";
import { ExtractedData } from "./extracted-data";
import { OUTCOME_LABELS, formatCost, formatSeconds } from "./format";
import { RawDeliveryBodies, WebhookDeliveries } from "./webhook-deliveries";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function Subheading({ id, children }: { id?: string; children: React.ReactNode }) {
  return (
    <h4 id={id} className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
      {children}
    </h4>
  );
}

/** What the agent did on the line: a slot it booked, a transfer to the recruiter (each time with its zone). */
function AgentActions({ call }: { call: TimelineCall }) {
  if (!call.agentBookedAt && !call.transferredAt) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm text-violet-950" data-testid="agent-actions">
      {call.agentBookedAt && call.agentBookedInterviewAt && (
        <li>
          The agent booked <LocalTime value={call.agentBookedInterviewAt} /> during the call, at{" "}
          <LocalTime value={call.agentBookedAt} />.
        </li>
      )}
      {call.transferredAt && (
        <li data-testid="transferred">
          Transferred to the recruiter{call.transferredTo ? ` (${call.transferredTo})` : ""} at{" "}
          <LocalTime value={call.transferredAt} />.
        </li>
      )}
    </ul>
  );
}

type Props = {
  call: TimelineCall & { recordingSrc: string | null };
  showRawBodies: boolean;
  /** The person may place, check and end calls. */
  canCall: boolean;
  /** No word from Bolna for longer than RECONCILE_AFTER_MINUTES: "End call" is offered. */
  quiet: boolean;
};

/** One call: what Bolna reported, in words; the conversation, the recording and every webhook delivery. */
export function CallCard({ call, showRawBodies, canCall, quiet }: Props) {
  const headingId = `call-${call.id}`;
  const hangup = [call.hangupBy, call.hangupReason].filter(Boolean).join(" · ");
  const open = !isTerminalStatus(call.status);
  // The outcome's sentence often already quotes Bolna's error ("Call failed: …"): say it once.
  const error = call.errorMessage && !call.outcomeReason?.includes(call.errorMessage) ? call.errorMessage : null;
  return (
    <article
      aria-labelledby={headingId}
      data-execution-id={call.executionId}
      className="flex min-w-0 flex-col gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h3 id={headingId} className="text-sm font-semibold">
          Call <span className="font-mono text-xs font-normal text-slate-600">{call.executionId}</span>
        </h3>
        <span
          className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800"
          data-testid="call-status"
          data-call-status={call.status ?? ""}
        >
          {callStatusWords(call.status)}
        </span>
        {call.outcome && (
          <span className="text-sm" data-testid="call-outcome">
            <strong className="font-medium">{call.outcomeReason ?? OUTCOME_LABELS[call.outcome]}</strong>
          </span>
        )}
        <OutcomeConfidence confidence={call.confidence} label={call.confidenceLabel} evidence={call.confidenceEvidence} />
        {open && canCall && (
          // The safety net for lost webhooks: ask Bolna directly while the call has no final status.
          <div className="flex flex-wrap items-start gap-2 sm:ml-auto">
            <ReconcileButton executionId={call.executionId} />
            {quiet && (
              <ConfirmDialog
                trigger="End call"
                triggerSize="sm"
                title="End this call?"
                confirm="Ask Bolna, then end"
                tone="danger"
                action={endStuckCall}
              >
                <input type="hidden" name="executionId" value={call.executionId} />
                <p className="text-sm text-slate-700">
                  Bolna has not reported on this call for a while. Callboard asks Bolna first: a call Bolna has not placed yet is
                  stopped, a call Bolna knows is brought up to date, and a call Bolna has no record of is marked ended, with the
                  candidate back to pending.
                </p>
              </ConfirmDialog>
            )}
          </div>
        )}
      </header>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4 2xl:grid-cols-8">
        <Fact label="Placed by">
          {call.direction === "inbound" ? (
            <span data-testid="call-direction">The candidate called back</span>
          ) : (
            (call.placedBy ?? <span title="First seen in a webhook">Outside Callboard</span>)
          )}
        </Fact>
        <Fact label="Started">
          <LocalTime value={call.bolnaCreatedAt ?? call.createdAt} precision="second" />
        </Fact>
        <Fact label="Bolna updated">
          <LocalTime value={call.bolnaUpdatedAt} precision="second" />
        </Fact>
        <Fact label="Last delivery">
          <LocalTime value={call.lastEventAt} precision="second" />
        </Fact>
        <Fact label="Duration">{formatSeconds(call.durationSeconds)}</Fact>
        <Fact label="Conversation">{formatSeconds(call.conversationSeconds)}</Fact>
        <Fact label="Cost">{formatCost(call.totalCost)}</Fact>
        <Fact label="Hang-up">{hangup || "—"}</Fact>
      </dl>
      {error && <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900">Bolna reported an error: {error}</p>}
      <AgentActions call={call} />

      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby={`${headingId}-transcript`} className="min-w-0">
          <Subheading id={`${headingId}-transcript`}>Transcript</Subheading>
          <TranscriptConversation transcript={call.transcript} label={`Transcript of call ${call.executionId}`} />
          {call.transcriptCut && <p className="mt-1 text-xs text-slate-600">The transcript is longer: its start is shown.</p>}
        </section>
        <div className="flex min-w-0 flex-col gap-4">
          <section aria-labelledby={`${headingId}-recording`}>
            <Subheading id={`${headingId}-recording`}>Recording</Subheading>
            <AudioRecording src={call.recordingSrc} label={`Recording of call ${call.executionId}`} />
          </section>
          <section aria-labelledby={`${headingId}-summary`}>
            <Subheading id={`${headingId}-summary`}>Summary</Subheading>
            <p className="text-sm text-slate-800">{call.summary ?? <span className="text-slate-600">No summary yet.</span>}</p>
          </section>
          <section aria-labelledby={`${headingId}-extracted`}>
            <Subheading id={`${headingId}-extracted`}>Extracted data</Subheading>
            <ExtractedData data={call.extractedData} />
            {call.extractedDataCut && (
              <p className="mt-1 text-xs text-slate-600">
                Part of the extracted data is not shown: it is too large for this page.
              </p>
            )}
          </section>
        </div>
      </div>

      <section aria-labelledby={`${headingId}-deliveries`} className="flex min-w-0 flex-col gap-2">
        <Subheading id={`${headingId}-deliveries`}>Webhook deliveries</Subheading>
        {call.deliveriesTotal > call.deliveries.length && (
          <p className="text-xs text-slate-600">{`The newest ${call.deliveries.length} of ${call.deliveriesTotal} deliveries are shown.`}</p>
        )}
        <WebhookDeliveries deliveries={call.deliveries} headingId={`${headingId}-deliveries`} />
        {showRawBodies && <RawDeliveryBodies deliveries={call.deliveries} callId={call.id} />}
      </section>
    </article>
  );
}
