import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { loadReachPanel } from "@/lib/reach/reach-panel-data";
import { reconfirmationWords, selfServiceWords } from "@/lib/reach/reach-words";
import { formatInstant } from "@/lib/time/format";
import { LinkControls, StopCallButton } from "./reach-controls";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/**
 * Reaching the candidate, on their page: the candidate's time zone, the next call Bolna will make, the reminder call
 * before the interview, the self-service link and the calendar invite. Times are in the viewer's zone, labelled.
 */
export function ReachPanel({ candidateId, actor }: { candidateId: number; actor: Actor }) {
  const panel = loadReachPanel(getDb(), candidateId);
  if (!panel) return null;
  const { zone, reconfirmation, selfService } = panel;
  return (
    <section
      aria-labelledby="reach-heading"
      className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="reach-heading" className="text-sm font-semibold">
        Reaching the candidate
      </h2>
      <dl className="flex flex-col gap-3">
        <Row label="Time zone">
          {zone} <span className="text-xs text-slate-500">({panel.zoneSource})</span>
        </Row>
        {panel.nextAttempt && (
          <Row label={panel.nextAttempt.number > 1 ? `Bolna's retry (attempt ${panel.nextAttempt.number})` : "Scheduled call"}>
            <span className="flex flex-col items-start gap-1">
              <LocalTime value={panel.nextAttempt.at} />
              {panel.nextAttempt.executionId && can(actor.role, "calls:place") && (
                <StopCallButton
                  executionId={panel.nextAttempt.executionId}
                  ringsAt={panel.nextAttempt.at ? formatInstant(panel.nextAttempt.at, zone) : "the time it was given"}
                />
              )}
            </span>
          </Row>
        )}
        <Row label="Reminder call">
          {reconfirmationWords(reconfirmation) ?? (reconfirmation.state === "off" ? "Off" : "Not planned (not confirmed)")}
          {reconfirmation.dueAt && reconfirmation.state !== "skipped" && (
            <span className="block text-xs text-slate-500">
              <LocalTime value={reconfirmation.dueAt} />
            </span>
          )}
          {reconfirmation.reason && <span className="block text-xs text-slate-500">{reconfirmation.reason}</span>}
        </Row>
        <Row label="Self-service link">
          <span className="flex flex-col items-start gap-1">
            <span>
              {selfServiceWords(selfService) ?? "None yet"}
              {selfService.expiresAt && selfService.state !== "revoked" && (
                <span className="block text-xs text-slate-500">
                  Valid until <LocalTime value={selfService.expiresAt} />
                </span>
              )}
            </span>
            {can(actor.role, "candidates:write") && (
              <LinkControls candidateId={candidateId} hasLink={selfService.state === "sent" || selfService.state === "used"} />
            )}
          </span>
        </Row>
        <Row label="Calendar invite">
          <a href={`/api/candidates/${candidateId}/invite.ics`} className="text-sky-800 underline underline-offset-2" download>
            {panel.declined ? "Cancellation (.ics)" : "Invite (.ics)"}
          </a>{" "}
          <span className="text-xs text-slate-500">version {panel.inviteSequence}</span>
        </Row>
      </dl>
    </section>
  );
}
