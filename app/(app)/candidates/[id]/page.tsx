import { getDb } from "@/db/client";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/app/_components/access-denied";
import { LocalTime, ViewerZone } from "@/app/_components/local-time";
import { LiveUpdates } from "@/app/_components/live-updates";
import { StatusBadge } from "@/app/_components/status-badge";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { loadCandidatePage, parseCandidateId } from "@/lib/candidates/candidate-page";
import { env } from "@/lib/env";
import { saveReschedulingSlots } from "./actions";
import { AttendancePanel } from "./attendance-panel";
import { AuditTrail } from "./audit-trail";
import { CallCard } from "./call-card";
import { CandidateProfile } from "./candidate-profile";
import { Corrections } from "./corrections";
import { ReschedulingSlotsForm } from "./rescheduling-slots-form";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Candidate · Callboard" };

export default async function CandidatePage({ params }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) return <AccessDenied />;
  const id = parseCandidateId((await params).id);
  const page = id === null ? null : loadCandidatePage(getDb(), actor, id);
  if (!page) notFound();
  const { profile, allowed } = page;
  const zone = env().INTERVIEW_TIMEZONE;

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 p-6">
      <header className="flex flex-col gap-2">
        <Link
          href="/"
          className="self-start rounded text-sm text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500"
        >
          <span aria-hidden>← </span>Candidates
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="text-xl font-semibold">{profile.name}</h1>
          <span data-testid="candidate-status">
            <StatusBadge status={profile.status} />
          </span>
          {profile.statusReason && <p className="text-sm text-slate-600">{profile.statusReason}</p>}
          <div className="ml-auto flex items-center gap-4">
            <ViewerZone fallbackZone={zone} />
            <LiveUpdates candidateId={profile.id} />
          </div>
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <CandidateProfile profile={profile} zone={zone} />
        <div className="flex flex-col gap-6">
          <section
            aria-labelledby="slots-heading"
            className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <h2 id="slots-heading" className="text-sm font-semibold">
              Rescheduling slots
            </h2>
            <p className="text-xs text-slate-500">What the agent may offer instead of the booked interview.</p>
            {page.slotPool ? (
              <ReschedulingSlotsForm
                pool={page.slotPool}
                allowedIds={page.reschedulingSlots.map((slot) => slot.id)}
                zone={zone}
                action={saveReschedulingSlots.bind(null, profile.id)}
              />
            ) : page.reschedulingSlots.length === 0 ? (
              <p className="text-sm text-slate-500">None: the agent offers no other slots.</p>
            ) : (
              <ul className="flex flex-col gap-0.5 text-sm">
                {page.reschedulingSlots.map((slot) => (
                  <li key={slot.id}>
                    <LocalTime value={slot.startsAt} fallbackZone={zone} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <AttendancePanel profile={profile} zone={zone} mayMark={can(actor.role, "candidates:write")} now={new Date()} />
          <Corrections profile={profile} allowed={allowed} />
        </div>
      </div>

      <section aria-labelledby="calls-heading" className="flex flex-col gap-3">
        <h2 id="calls-heading" className="text-base font-semibold">
          Calls <span className="text-sm font-normal text-slate-500">({page.calls.length}, newest first)</span>
        </h2>
        {page.calls.length === 0 ? (
          <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No calls yet.</p>
        ) : (
          page.calls.map((call) => <CallCard key={call.id} call={call} zone={zone} showRawBodies={allowed.inspectWebhooks} />)
        )}
      </section>

      <AuditTrail history={page.history} zone={zone} />
    </main>
  );
}
