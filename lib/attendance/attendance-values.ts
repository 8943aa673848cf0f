/** Whether a candidate came to the interview, marked by a recruiter once its time has passed. */
export const ATTENDANCE_MARKS = ["attended", "no_show"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const ATTENDANCE_LABELS: Record<AttendanceMark, string> = { attended: "Attended", no_show: "No-show" };
