import { AttendanceControl } from "@/app/_components/attendance-control";
import { LocalTime } from "@/app/_components/local-time";
import { ATTENDANCE_LABELS } from "@/lib/attendance/attendance-values";
import type { CandidatePage } from "@/lib/candidates/candidate-page";

type Props = { profile: CandidatePage["profile"]; mayMark: boolean; now: Date };

/** Whether the candidate came to the interview: marked by a recruiter once its time has passed. */
export function AttendancePanel({ profile, mayMark, now }: Props) {
  const over = profile.interviewAt <= now;
  return (
    <section
      aria-labelledby="attendance-heading"
      className="flex flex-col gap-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="attendance-heading" className="text-sm font-semibold">
        Attendance
      </h2>
      {profile.attendance ? (
        <p className="text-sm" data-testid="attendance">
          <strong className="font-medium">{ATTENDANCE_LABELS[profile.attendance]}</strong>
          <span className="text-slate-600">
            {" "}
            — marked by {profile.attendanceMarkedBy} on <LocalTime value={profile.attendanceMarkedAt} />
            {profile.attendanceReason ? `: ${profile.attendanceReason}` : ""}
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-500" data-testid="attendance">
          {over ? "Not marked yet." : "The interview has not taken place yet."}
        </p>
      )}
      {over && mayMark && (
        <AttendanceControl candidateId={profile.id} candidateName={profile.name} current={profile.attendance} withReason />
      )}
    </section>
  );
}
