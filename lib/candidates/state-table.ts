import type { StatusEvent } from "@/db/values";

/** One row of the state table as the docs print it; `event` is what `statusEvent` holds afterwards. */
export type StateRow = {
  what: string;
  source: string;
  from: string;
  to: string;
  reason: string;
  message: string;
  event: StatusEvent | "unchanged";
};

/**
 * lib/candidates/state-machine.ts `transition`, in words: docs/domain.md and docs/api.md print exactly this table
 * (lib/candidates/state-table.test.ts checks it), so the docs cannot drift from the code.
 */
export const STATE_TABLE: readonly StateRow[] = [
  {
    what: "Candidate added (form, API, CSV)",
    source: "manual",
    from: "—",
    to: "pending",
    reason: "Not called yet",
    message: "—",
    event: "added",
  },
  {
    what: "Call now, batch",
    source: "call",
    from: "any",
    to: "calling",
    reason: "Call placed by …",
    message: "—",
    event: "call_placed",
  },
  {
    what: "Call placed outside calling hours",
    source: "call",
    from: "any",
    to: "calling (shown as Scheduled)",
    reason: "Scheduled: rings Mon 7 Dec 2026, 09:00 PST",
    message: "—",
    event: "call_scheduled",
  },
  {
    what: "Bolna: queued, ringing, in progress",
    source: "webhook",
    from: "any",
    to: "calling",
    reason: "Call ringing …",
    message: "—",
    event: "call_in_progress",
  },
  {
    what: "Bolna: an attempt ended, a retry is due",
    source: "webhook",
    from: "any",
    to: "calling (shown as Scheduled)",
    reason: "No answer; Bolna tries again at …, attempt 2 of 3",
    message: "—",
    event: "call_retrying",
  },
  {
    what: "A call Bolna has no record of, ended by a person",
    source: "manual",
    from: "calling (anything else: unchanged)",
    to: "pending",
    reason: "Call ended by …; Bolna had no record of it",
    message: "—",
    event: "call_ended",
  },
  {
    what: "Bolna: the call ended, outcome sure enough",
    source: "webhook",
    from: "any",
    to: "confirmed, declined, rescheduled, no_answer or pending",
    reason: "what the call decided (a full chosen slot is flagged for a recruiter)",
    message: "confirmed, declined (cancels the invite), moved (when the interview moved)",
    event: "call_outcome",
  },
  {
    what: "Bolna: the call ended, outcome unsure",
    source: "webhook",
    from: "any",
    to: "pending",
    reason: "Awaiting review: proposed …",
    message: "— (sent once a person decides)",
    event: "awaiting_review",
  },
  {
    what: "Bolna: an answer (yes, no, another time) about an interview time that has moved since the call was placed",
    source: "webhook",
    from: "any",
    to: "pending",
    reason: "Needs reconfirmation: Confirmed … on the call, but the interview is now …",
    message: "—",
    event: "needs_reconfirmation",
  },
  {
    what: "Reminder call answered",
    source: "webhook",
    from: "confirmed, rescheduled",
    to: "unchanged (still coming), declined or rescheduled",
    reason: "Reconfirmed on the reminder call: still coming",
    message: "declined or moved, as above",
    event: "reminder_answer",
  },
  {
    what: "Bolna: a call-back (the candidate rang the agent's number) that answers (yes, no, another time)",
    source: "webhook",
    from: "any",
    to: "as for a call's outcome",
    reason: "Called back: …",
    message: "as for a call's outcome",
    event: "call_outcome",
  },
  {
    what: "Bolna: a call-back that answers nothing (a question, no answer, still going on)",
    source: "webhook",
    from: "confirmed, rescheduled, declined",
    to: "unchanged (from anything else: as for a call)",
    reason: "unchanged",
    message: "—",
    event: "unchanged",
  },
  {
    what: "Voice agent books a free slot while the candidate is on the line (POST /api/agent/book)",
    source: "agent",
    from: "any",
    to: "rescheduled",
    reason: "Moved to … by the voice agent during the call",
    message: "moved",
    event: "booked_by_agent",
  },
  {
    what: "Bolna: any event of a call the agent booked on",
    source: "webhook",
    from: "any",
    to: "unchanged (an outcome that disagrees with the booking waits for review)",
    reason: "unchanged",
    message: "—",
    event: "unchanged",
  },
  {
    what: "Interview moved by hand (edit form, PATCH)",
    source: "manual",
    from: "confirmed, rescheduled, awaiting review",
    to: "pending",
    reason: "Needs reconfirmation: moved from … to … by …",
    message: "moved: the updated invite, asking them to confirm",
    event: "needs_reconfirmation",
  },
  {
    what: "Interview moved by hand to the time the candidate chose on a call (its slot was full then)",
    source: "manual",
    from: "rescheduled",
    to: "rescheduled",
    reason: "Moved to the time they chose, …, by …",
    message: "moved (the new invite)",
    event: "unchanged",
  },
  {
    what: "Interview moved by hand (edit form, PATCH)",
    source: "manual",
    from: "pending, no_answer, calling, declined",
    to: "unchanged",
    reason: "unchanged",
    message: "moved, when they were sent an invite for the old time (never to declined)",
    event: "unchanged",
  },
  {
    what: "Status set by an admin",
    source: "manual",
    from: "any",
    to: "the chosen status (never calling)",
    reason: "the admin's reason",
    message: "— (a correction of the record)",
    event: "set_by_hand",
  },
  {
    what: "Reset",
    source: "manual",
    from: "any",
    to: "pending, the original interview back",
    reason: "Reset by …",
    message: "—",
    event: "reset",
  },
  {
    what: "Candidate: Yes, I will be there",
    source: "candidate",
    from: "pending, no_answer, calling (never declined)",
    to: "confirmed (already confirmed: unchanged)",
    reason: "Confirmed by the candidate (self-service link)",
    message: "confirmed",
    event: "confirmed_by_candidate",
  },
  {
    what: "Candidate: moves to a free slot",
    source: "candidate",
    from: "any but declined",
    to: "rescheduled",
    reason: "Moved to … by the candidate (self-service link)",
    message: "moved",
    event: "moved_by_candidate",
  },
  {
    what: "Review accepted or corrected",
    source: "review",
    from: "awaiting review",
    to: "the decided status",
    reason: "Accepted on review: … / Corrected on review …",
    message: "as for the call's outcome",
    event: "reviewed",
  },
  {
    what: "Do not call set or lifted (PUT /api/candidates/{id}/do-not-call, a call asking to stop calling)",
    source: "manual, webhook",
    from: "any",
    to: "unchanged (no call, batch or reminder rings them)",
    reason: "unchanged",
    message: "—",
    event: "unchanged",
  },
  {
    what: "A Bolna event older than a person's decision, or about an older call",
    source: "webhook",
    from: "any",
    to: "unchanged",
    reason: "unchanged",
    message: "—",
    event: "unchanged",
  },
];

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The table as Markdown, as docs/domain.md and docs/api.md print it. */
export function stateTableMarkdown(): string {
  const header = "| What happened | Source | From | To | Reason shown | Message to the candidate | `statusEvent` |";
  const rule = "|---|---|---|---|---|---|---|";
  const rows = STATE_TABLE.map(
    (row) =>
      `| ${[row.what, row.source, row.from, row.to, row.reason, row.message].map(cell).join(" | ")} | ${row.event === "unchanged" ? "unchanged" : `\`${row.event}\``} |`,
  );
  return [header, rule, ...rows].join("\n");
}
