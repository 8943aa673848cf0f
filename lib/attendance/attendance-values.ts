import type { AttendanceMark } from "@/db/values";

export const ATTENDANCE_LABELS: Record<AttendanceMark, string> = { attended: "Attended", no_show: "No-show" };
