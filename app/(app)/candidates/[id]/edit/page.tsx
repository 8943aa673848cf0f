import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { parseCandidateId } from "@/lib/candidates/candidate-page";
import { findCandidate } from "@/lib/candidates/get-candidate";
import { env } from "@/lib/env";
import { toLocalInput } from "@/lib/time/format";
import { timeZoneNames } from "@/lib/time/time-zones";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { CandidateForm } from "../../candidate-form";
import { saveCandidate } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseCandidateId((await params).id);
  const candidate = id === null ? null : findCandidate(getDb(), id);
  return { title: candidate ? `Edit ${candidate.name}` : "Candidate not found" };
}

export default async function EditCandidatePage({ params }: Props) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:write")) forbidden();
  const id = parseCandidateId((await params).id);
  const candidate = id === null ? null : findCandidate(getDb(), id);
  if (!candidate) notFound();
  const fallbackZone = env().INTERVIEW_TIMEZONE;
  const zone = candidateZone(candidate, fallbackZone);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <Link href={`/candidates/${candidate.id}`} className="text-sm text-slate-700 hover:text-slate-950">
        <span aria-hidden>← </span>
        {candidate.name}
      </Link>
      <h1 className="mt-2 mb-6 text-xl font-semibold">Edit {candidate.name}</h1>
      <CandidateForm
        action={saveCandidate}
        submit="Save changes"
        zones={timeZoneNames()}
        fallbackZone={fallbackZone}
        defaults={{
          candidateId: candidate.id,
          name: candidate.name,
          phone: candidate.phone,
          email: candidate.email ?? "",
          position: candidate.position ?? "",
          timeZone: zone,
          interviewAt: toLocalInput(candidate.interviewAt, zone),
          language: candidateLanguage(candidate),
        }}
      />
    </main>
  );
}
