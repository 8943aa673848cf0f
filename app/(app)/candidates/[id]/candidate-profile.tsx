import Link from "next/link";
import { InterviewTime } from "@/app/_components/interview-time";
import { LocalTime } from "@/app/_components/local-time";
import type { CandidatePage } from "@/lib/candidates/candidate-page";
import { callStatusWords } from "@/lib/candidates/candidate-situation";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { zoneAssumed } from "@/lib/time/zone-for-phone";
import { ZoneAssumed } from "@/app/_components/zone-assumed";

function Item({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 min-w-0" : "min-w-0"}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

type Props = {
  profile: CandidatePage["profile"];
  /** The candidate's zone (candidateZone): the interview is read in it; other times are the viewer's. */
  zone: string;
  now: Date;
};

/** Who the candidate is and when they are interviewed, in their own time zone. */
export function CandidateProfile({ profile, zone, now }: Props) {
  const past = profile.interviewAt.getTime() <= now.getTime();
  return (
    <section
      aria-labelledby="profile-heading"
      className="flex min-w-0 flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="profile-heading" className="text-sm font-semibold">
        Profile
      </h2>
      {profile.requestedInterviewAt && (
        <p
          data-testid="requested-interview"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-300"
        >
          <strong className="font-semibold">Needs a recruiter:</strong> on a call the candidate asked for{" "}
          <strong className="font-medium">{formatInstant(profile.requestedInterviewAt, zone)}</strong>, which is full. Arrange a
          time with them, then edit the interview.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3">
        <Item label="Interview" wide>
          <span data-testid="interview-at" className="flex flex-col">
            {profile.originalInterviewAt && (
              <span className="text-xs text-slate-600">
                <span className="sr-only">Originally </span>
                <del>{formatInstant(profile.originalInterviewAt, zone)}</del>
                <span aria-hidden> (original)</span>
              </span>
            )}
            <InterviewTime value={profile.interviewAt} zone={zone} className="font-medium" />
            {past && (
              <span
                className="mt-1 self-start rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900"
                data-testid="past-interview"
              >
                This time has passed
              </span>
            )}
          </span>
        </Item>
        <Item label="Time zone">
          {zone} ({zoneLabel(profile.interviewAt, zone)})
          {zoneAssumed(profile) ? (
            <span className="block">
              <ZoneAssumed zone={zone} />{" "}
              <Link href={`/candidates/${profile.id}/edit`} className="text-xs text-sky-800 underline">
                Set the zone
              </Link>
            </span>
          ) : (
            !profile.timeZone && <span className="block text-xs text-slate-600">from the phone&apos;s country</span>
          )}
        </Item>
        <Item label="Phone">
          <span className="font-mono">{profile.phone}</span>
        </Item>
        <Item label="Email">{profile.email ?? "—"}</Item>
        <Item label="Position">{profile.position ?? "—"}</Item>
        <Item label="Latest call">
          {callStatusWords(profile.callStatus)}
          {profile.lastCallAt && (
            <span className="block text-xs text-slate-600">
              <LocalTime value={profile.lastCallAt} />
            </span>
          )}
        </Item>
        <Item label="Status changed">
          <LocalTime value={profile.statusChangedAt} />
        </Item>
        <Item label="Applied">{profile.appliedAt ? formatInstant(profile.appliedAt, zone, "date") : "—"}</Item>
      </dl>
    </section>
  );
}
