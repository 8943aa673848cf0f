"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { stopScheduledCall } from "@/lib/calls/stop-call";
import type { ActionState } from "@/lib/http/action-state";
import { siteOrigin } from "@/lib/http/request-origin";
import { runAction } from "@/lib/http/run-action";
import { createSelfServiceLink, revokeSelfServiceLinks } from "@/lib/self-service/links";

const candidateId = z.number().int().positive();

/** What the link form shows once: the new URL (only its hash is kept). */
export type LinkState = ActionState & { url?: string };

/** "New link" or "Revoke" (the button's `intent`): one state, so the panel shows what was done last. */
export async function manageLinkAction(id: number, _state: LinkState, form: FormData): Promise<LinkState> {
  const actor = await requireActor();
  let url: string | undefined;
  const result = await runAction(actor, "candidates:write", async () => {
    if (form.get("intent") === "revoke") {
      const revoked = revokeSelfServiceLinks(getDb(), candidateId.parse(id));
      return { ok: true, message: revoked > 0 ? "The link no longer works." : "There was no working link." };
    }
    const base = siteOrigin(await headers());
    url = createSelfServiceLink(getDb(), candidateId.parse(id), actor, base).url;
    return {
      ok: true,
      message: "A new link was made (and e-mailed to the candidate when they have an address). Earlier links no longer work.",
    };
  });
  return { ...result, url };
}

export async function stopCallAction(executionId: string): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "calls:place", async () => {
    await stopScheduledCall(getDb(), z.string().trim().min(1).max(200).parse(executionId));
    return { ok: true, message: "Stopped: Bolna will not make this call." };
  });
}
