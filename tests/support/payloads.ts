import fs from "node:fs";
import path from "node:path";

// Copies of shared/reference/payloads, so the tests do not depend on anything outside the repository.
export const PAYLOAD_DIR = path.resolve(import.meta.dirname, "..", "fixtures", "bolna");

export const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"] as const;

export type Body = Record<string, unknown> & { id: string };

/** A sample body as stored (`name` without `.json`), byte for byte. */
export function payloadText(name: string): string {
  return fs.readFileSync(path.join(PAYLOAD_DIR, `${name}.json`), "utf8");
}

/** A sample body from shared/reference/payloads, parsed. */
export function loadPayload(name: string): Body {
  return JSON.parse(payloadText(name)) as Body;
}

/** The same body for another execution and another candidate's phone, everywhere Bolna puts the phone. */
export function retarget(body: Body, executionId: string, phone: string): Body {
  const copy = structuredClone(body);
  copy.id = executionId;
  copy.user_number = phone;
  const telephony = copy.telephony_data as Record<string, unknown> | undefined;
  if (telephony) telephony.to_number = phone;
  const context = copy.context_details as Record<string, unknown> | undefined;
  if (context) context.recipient_phone_number = phone;
  return copy;
}
