import { getDb } from "@/db/client";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CallNowButton } from "@/app/_components/call-now-button";
import { LiveUpdates } from "@/app/_components/live-updates";
import { ViewerTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { recordingSrc } from "@/lib/calls/recording-src";
import { attentionClock } from "@/lib/candidates/attention";
import { loadCandidatePage, parseCandidateId } from "@/lib/candidates/candidate-page";
import { callAskFirst, candidateSituation } from "@/lib/candidates/candidate-situation";
import { statusLabel } from "@/lib/candidates/state-machine";
import { findCandidate } from "@/lib/candidates/get-candidate";
import { env } from "@/lib/env";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { saveReschedulingSlots } from "./actions";
import { AgentBadges } from "@/app/_components/agent-badges";
import { AttendancePanel } from "./attendance-panel";
import { AuditTrail } from "./audit-trail";
import { CallCard } from "./call-card";
import { CandidateProfile } from "./candidate-profile";
import { DoNotCallPanel } from "./do-not-call-panel";
import { Corrections } from "./corrections";
import { ReachPanel } from "./reach-panel";
import { ReschedulingSlotsForm } from "./rescheduling-slots-form";

type Props = { params: Promise<{ id: string }> };

/** Each candidate's tab says whose page it is. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseCandidateId((await params).id);
  const candidate = id === null ? null : findCandidate(getDb(), id);
  return { title: candidate?.name ?? "Candidate not found" };
}

export default async function CandidatePage({ params }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) forbidden();
  const id = parseCandidateId((await params).id);
  const page = id === null ? null : loadCandidatePage(getDb(), actor, id);
  if (!page) notFound();
  const { profile, allowed } = page;
  const config = env();
  const fallbackZone = config.INTERVIEW_TIMEZONE;
  const zone = candidateZone(profile, fallbackZone);
  const clock = attentionClock();
  const situation = candidateSituation(profile, clock.now, clock.stuckAfterMs);
  const alert = situation.past || situation.stuck || Boolean(profile.requestedInterviewAt);

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex flex-col gap-3">
        <Link
          href="/"
          className="self-start rounded text-sm text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          <span aria-hidden>← </span>Candidates
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-xl font-semibold">{profile.name}</h1>
          <span data-testid="candidate-status">
            <StatusBadge status={profile.status} label={statusLabel(profile)} />
          </span>
          <AgentBadges candidate={profile} />
          <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
            <LiveUpdates candidateId={profile.id} />
            {allowed.call && !profile.doNotCall && (
              <CallNowButton
                key={profile.status}
                candidateId={profile.id}
                name={profile.name}
                askFirst={callAskFirst(profile, zone, clock.now)}
                disabled={profile.status === "calling"}
                size="md"
              />
            )}
            {allowed.edit && (
              <Link
                href={`/candidates/${profile.id}/edit`}
                className="rounded-md border border-slate-400 bg-white px-4 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
              >
                Edit
              </Link>
            )}
          </div>
        </div>
        <div
          data-testid="situation"
          className={`rounded-md px-3 py-2 text-sm ring-1 ring-inset ${alert ? "bg-amber-50 text-amber-950 ring-amber-300" : "bg-white text-slate-800 ring-slate-200"}`}
        >
          <p className="font-medium">
            {situation.summary}
            {situation.ringsAt && <ViewerTime value={situation.ringsAt} zone={zone} inline />}
          </p>
          {situation.next && <p>{situation.next}</p>}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <CandidateProfile profile={profile} zone={zone} now={clock.now} />
          <section aria-labelledby="calls-heading" className="flex flex-col gap-3">
            <h2 id="calls-heading" className="text-base font-semibold">
              Calls{" "}
              <span className="text-sm font-normal text-slate-600">
                ({page.callsTotal}, newest first
                {page.callsTotal > page.calls.length && `; the newest ${page.calls.length} are shown`})
              </span>
            </h2>
            {page.calls.length === 0 ? (
              <p className="rounded border border-dashed border-slate-400 p-6 text-center text-sm text-slate-700">
                No calls yet.
              </p>
            ) : (
              page.calls.map((call) => (
                <CallCard
                  key={call.id}
                  call={{ ...call, recordingSrc: recordingSrc(call.recordingUrl, config.demoMode) }}
                  showRawBodies={allowed.inspectWebhooks}
                  canCall={allowed.call}
                  quiet={clock.now.getTime() - (call.lastEventAt ?? call.createdAt).getTime() >= clock.stuckAfterMs}
                />
              ))
            )}
          </section>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DoNotCallPanel profile={profile} maySet={allowed.edit} mayLift={allowed.override} />
          <section
            aria-labelledby="slots-heading"
            className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="slots-heading" className="text-sm font-semibold">
              Rescheduling slots <span className="font-normal text-slate-600">(the team&apos;s zone, {fallbackZone})</span>
            </h2>
            <p className="text-xs text-slate-600">
              What the agent may offer instead of the booked interview; never a time that has passed.
            </p>
            {page.slotPool ? (
              <ReschedulingSlotsForm
                candidateId={profile.id}
                pool={page.slotPool}
                allowedIds={page.reschedulingSlots.map((slot) => slot.id)}
                zone={fallbackZone}
                now={clock.now}
                action={saveReschedulingSlots}
              />
            ) : page.reschedulingSlots.length === 0 ? (
              <p className="text-sm text-slate-600">None: the agent offers no other slots.</p>
            ) : (
              <ul className="flex flex-col gap-0.5 text-sm">
                {page.reschedulingSlots.map((slot) => (
                  <li key={slot.id} className="tabular-nums">
                    {formatInstant(slot.startsAt, fallbackZone)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ReachPanel candidateId={profile.id} actor={actor} />
          <AttendancePanel profile={profile} mayMark={can(actor.role, "candidates:write")} now={clock.now} />
          <Corrections profile={profile} allowed={allowed} />
        </div>
      </div>

      <AuditTrail history={page.history} zone={zone} />
      {page.historyTotal > page.history.length && (
        <p className="text-xs text-slate-600">
          {`The newest ${page.history.length} of ${page.historyTotal} changes are shown; the audit API has them all.`}
        </p>
      )}
    </main>
  );
}
