import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attendanceChanges, candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ApiError, notFound } from "@/lib/http/api-error";
import { ATTENDANCE_MARKS } from "@/db/values";

export const attendanceInput = z.object({
  attendance: z.enum(ATTENDANCE_MARKS, { error: "must be attended or no_show" }),
  reason: z
    .string()
    .trim()
    .max(500, "must be under 500 characters")
    .nullish()
    .transform((value) => value || null),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

/**
 * Marks whether the candidate came, once the interview time has passed (before it: 409 interview_not_over). A
 * new mark replaces the old one; each is kept in attendance_changes with who made it and why. Marking the same
 * way twice with the same reason changes nothing.
 */
export function markAttendance(db: Db, id: number, input: AttendanceInput, actor: Actor, now = new Date()): Candidate {
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
      if (!candidate) throw notFound(`Candidate ${id}`);
      if (candidate.interviewAt > now) {
        throw new ApiError(
          "interview_not_over",
          `${candidate.name}'s interview is on ${candidate.interviewAt.toISOString()}: attendance can be marked once it has taken place.`,
          "attendance",
        );
      }
      if (candidate.attendance === input.attendance && candidate.attendanceReason === input.reason) return candidate;
      const next: Candidate = {
        ...candidate,
        attendance: input.attendance,
        attendanceReason: input.reason,
        attendanceMarkedAt: now,
        attendanceMarkedBy: actor.label,
        updatedAt: now,
      };
      tx.update(candidates)
        .set({
          attendance: next.attendance,
          attendanceReason: next.attendanceReason,
          attendanceMarkedAt: now,
          attendanceMarkedBy: actor.label,
          updatedAt: now,
        })
        .where(eq(candidates.id, id))
        .run();
      tx.insert(attendanceChanges)
        .values({
          candidateId: id,
          candidateName: candidate.name,
          interviewAt: candidate.interviewAt,
          fromMark: candidate.attendance,
          toMark: input.attendance,
          reason: input.reason,
          actor: actor.label,
          at: now,
        })
        .run();
      return next;
    },
    { behavior: "immediate" },
  );
}
