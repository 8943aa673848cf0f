import { LocalTime } from "@/app/_components/local-time";
import type { CandidatePage } from "@/lib/candidates/candidate-page";

function Item({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 min-w-0" : "min-w-0"}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm">{children}</dd>
    </div>
  );
}

/** Who the candidate is and when they are interviewed. */
export function CandidateProfile({ profile, zone }: { profile: CandidatePage["profile"]; zone: string }) {
  return (
    <section
      aria-labelledby="profile-heading"
      className="flex flex-col gap-3 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
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
          <LocalTime value={profile.requestedInterviewAt} fallbackZone={zone} showZone className="font-medium" />, which could not
          be booked. Arrange it with them and correct the interview.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 md:grid-cols-3">
        <Item label="Phone">
          <span className="font-mono">{profile.phone}</span>
        </Item>
        <Item label="Email">{profile.email ? <span className="break-all">{profile.email}</span> : "—"}</Item>
        <Item label="Position">{profile.position ?? "—"}</Item>
        <Item label="Applied">
          <LocalTime value={profile.appliedAt} fallbackZone={zone} precision="date" />
        </Item>
        <Item label="Interview" wide>
          <span data-testid="interview-at" className="flex flex-col">
            {profile.originalInterviewAt && (
              <span className="text-xs text-slate-500">
                <span className="sr-only">Originally </span>
                <del>
                  <LocalTime value={profile.originalInterviewAt} fallbackZone={zone} showZone />
                </del>
                <span aria-hidden> (original)</span>
              </span>
            )}
            <LocalTime value={profile.interviewAt} fallbackZone={zone} showZone className="font-medium" />
          </span>
        </Item>
        <Item label="Latest call">
          <span className="font-mono text-xs">{profile.callStatus ?? "no call yet"}</span>
          {profile.lastCallAt && (
            <span className="block text-xs text-slate-500">
              <LocalTime value={profile.lastCallAt} fallbackZone={zone} />
            </span>
          )}
        </Item>
        <Item label="Status changed">
          <LocalTime value={profile.statusChangedAt} fallbackZone={zone} />
        </Item>
      </dl>
    </section>
  );
}
