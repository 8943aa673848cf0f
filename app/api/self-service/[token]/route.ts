import { getDb } from "@/db/client";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { otherMethods } from "@/lib/http/other-methods";
import { publicRoute } from "@/lib/http/public-route";
import { readJson } from "@/lib/http/read-json";
import { answerFor } from "@/lib/self-service/answers";
import { confirmByCandidate, rescheduleByCandidate } from "@/lib/self-service/candidate-changes";
import { openLink } from "@/lib/self-service/links";
import { limitSelfService } from "@/lib/self-service/rate-limit";
import { selfServiceActionInput } from "@/lib/self-service/self-service-input";
import { selfServiceView, selfServiceViewJson } from "@/lib/self-service/self-service-view";

type Params = { token: string };

/** What the self-service page shows (public: the token is the credential). */
export const GET = publicRoute<Params>(async ({ request, params }) => {
  const db = getDb();
  await limitSelfService(db, request.headers);
  const now = new Date();
  return Response.json(selfServiceViewJson(selfServiceView(db, openLink(db, params.token, now, "view"), now)));
});

/** The candidate confirms, or moves the interview to a free slot; audited with source `candidate`. */
export const POST = publicRoute<Params>(async ({ request, params }) => {
  const db = getDb();
  await limitSelfService(db, request.headers);
  const input = await readJson(request, selfServiceActionInput);
  const result =
    input.action === "confirm" ? confirmByCandidate(db, params.token) : rescheduleByCandidate(db, params.token, input.slotId);
  const { status, interviewAt, originalInterviewAt, statusReason } = candidateJson(result.candidate);
  return Response.json({
    candidate: { status, interviewAt, originalInterviewAt, statusReason },
    changed: result.changed,
    // What is now true, and what happens next, in the words the page uses.
    message: answerFor(input.action, result),
  });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
