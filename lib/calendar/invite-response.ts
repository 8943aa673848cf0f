import type { Candidate } from "@/db/schema";
import { env } from "@/lib/env";
import { bareAddress } from "@/lib/mail/mail-address";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { interviewInvite } from "./interview-invite";

/** The candidate's invite as a download: `text/calendar` with its iTIP method, named interview.ics. */
export function inviteResponse(candidate: Candidate): Response {
  const config = env();
  const invite = interviewInvite({
    candidate,
    zone: candidateZone(candidate, config.INTERVIEW_TIMEZONE),
    durationMinutes: config.INTERVIEW_DURATION_MINUTES,
    appUrl: config.APP_URL,
    organizerEmail: bareAddress(config.MAIL_FROM),
  });
  return new Response(invite.ics, {
    headers: {
      "content-type": `text/calendar; charset=utf-8; method=${invite.method}`,
      "content-disposition": 'attachment; filename="interview.ics"',
      "cache-control": "no-store",
    },
  });
}
