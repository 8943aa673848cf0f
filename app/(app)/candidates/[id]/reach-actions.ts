"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { scheduledCallForm } from "@/lib/calls/call-input";
import { stopScheduledCall } from "@/lib/calls/stop-call";
import { formAction } from "@/lib/http/form-action";
import { siteOrigin } from "@/lib/http/request-origin";
import { createSelfServiceLink, revokeSelfServiceLinks } from "@/lib/self-service/links";
import { selfServiceLinkForm } from "@/lib/self-service/self-service-input";

/** "New link" or "Revoke" (the button's `intent`): one state, so the panel shows what was done last. */
export const manageLinkAction = formAction(
  "candidates:write",
  selfServiceLinkForm,
  async ({ candidateId, intent }, { actor }) => {
    if (intent === "revoke") {
      const revoked = revokeSelfServiceLinks(getDb(), candidateId);
      return { ok: true, message: revoked > 0 ? "The link no longer works." : "There was no working link." };
    }
    const { url } = createSelfServiceLink(getDb(), candidateId, actor, siteOrigin(await headers()));
    return {
      ok: true,
      message: "A new link was made (and e-mailed to the candidate when they have an address). Earlier links no longer work.",
      shownOnce: url,
    };
  },
);

export const stopCallAction = formAction("calls:place", scheduledCallForm, async ({ executionId }) => {
  await stopScheduledCall(getDb(), executionId);
  return { ok: true, message: "Stopped: Bolna will not make this call." };
});
