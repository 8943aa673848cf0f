/** A reconfirmation: its call was placed (its outcome is the call's), skipped (too close, already answered), or failed. */
export const RECONFIRMATION_STATES = ["placed", "skipped", "failed"] as const;
export type ReconfirmationState = (typeof RECONFIRMATION_STATES)[number];

/**
 * A message in the outbox: `queued` for the SMTP sender, `sent`, `failed` after its last retry, or `unsent` when
 * no SMTP server is configured (demo mode): then it stays here for an admin to read.
 */
export const OUTBOX_STATES = ["queued", "sent", "failed", "unsent"] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];
