import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { env } from "@/lib/env";
import { wallClock } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { interviewInvite, type InviteAudience } from "./interview-invite";
import { inviteSettings } from "./invite-settings";

const MAX_SLUG = 40;

/** Letters and digits only, diacritics folded (Müller → muller), words joined by dashes: safe in any file system. */
function slug(text: string): string {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return folded.slice(0, MAX_SLUG).replace(/-+$/, "") || "candidate";
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * `interview-<who>-<date>.ics`, the date in the candidate's zone. A public file names the candidate by their
 * first name only (what their own page greets them with), never the full name.
 */
export function inviteFileName(
  candidate: Pick<Candidate, "name" | "interviewAt">,
  zone: string,
  audience: InviteAudience,
): string {
  const day = wallClock(candidate.interviewAt, zone);
  const date = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  return `interview-${slug(audience === "public" ? firstName(candidate.name) : candidate.name)}-${date}.ics`;
}

/** The candidate's invite as a download: `text/calendar` with its iTIP method. */
export function inviteResponse(db: Pick<Db, "select">, candidate: Candidate, audience: InviteAudience): Response {
  const zone = candidateZone(candidate, env().INTERVIEW_TIMEZONE);
  const invite = interviewInvite({ candidate, zone, audience, ...inviteSettings(db) });
  return new Response(invite.ics, {
    headers: {
      "content-type": `text/calendar; charset=utf-8; method=${invite.method}`,
      "content-disposition": `attachment; filename="${inviteFileName(candidate, zone, audience)}"`,
      "cache-control": "no-store",
    },
  });
}
