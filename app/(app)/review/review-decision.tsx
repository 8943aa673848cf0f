"use client";

import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { idle, type ActionState } from "@/lib/http/action-state";
import type { CandidateStatus } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { decideReviewItem } from "./actions";

const CHOICES: Exclude<CandidateStatus, "calling">[] = ["confirmed", "rescheduled", "declined", "no_answer", "pending"];

const input =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200";

type Desk = { state: ActionState; decide: (form: FormData) => void; pending: boolean };
const DeskContext = createContext<Desk | null>(null);

/**
 * Holds the decision's state for the whole page, so that the message about the item just decided stays on
 * screen while the next one (or "nothing to review") comes up.
 */
export function ReviewDesk({ children }: { children: ReactNode }) {
  const [state, decide, pending] = useActionState(decideReviewItem, idle);
  return (
    <DeskContext value={{ state, decide, pending }}>
      {state.message && (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {state.message}
        </p>
      )}
      {children}
    </DeskContext>
  );
}

/** `candidateZone`: the candidate's, in which the correction's new interview time is read. */
type Props = { itemId: number; proposedLabel: string; candidateZone: string };

/** Accept or correct the item on screen (the forms are keyed by item, so a new item starts with empty fields). */
export function ReviewDecision({ itemId, proposedLabel, candidateZone }: Props) {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error("ReviewDecision must sit inside ReviewDesk");
  const { decide, pending } = desk;
  return (
    <section aria-labelledby="decision-heading" className="flex flex-col gap-3">
      <h3 id="decision-heading" className="text-sm font-semibold">
        Decision
      </h3>
      <form key={`accept-${itemId}`} action={decide}>
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="decision" value="accept" />
        <button
          id="review-accept"
          type="submit"
          disabled={pending}
          aria-keyshortcuts="a"
          className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-600 disabled:opacity-60"
        >
          Accept: {proposedLabel} <kbd className="ml-1 rounded bg-emerald-800 px-1 text-xs">a</kbd>
        </button>
      </form>
      <details id="review-correct" className="rounded-md ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 text-sm font-medium">
          Correct <kbd className="ml-1 rounded bg-slate-100 px-1 text-xs">c</kbd>
        </summary>
        <CorrectionForm key={itemId} itemId={itemId} zone={candidateZone} />
      </details>
    </section>
  );
}

/**
 * The correction's fields, held in state: React resets a form's uncontrolled fields after its action runs, and a
 * refused correction (no reason yet) must keep the status and time the reviewer chose. Keyed by item.
 */
function CorrectionForm({ itemId, zone }: { itemId: number; zone: string }) {
  const { state, decide, pending } = useContext(DeskContext)!;
  const [status, setStatus] = useState<string>("pending");
  const [reason, setReason] = useState("");
  const [interviewAt, setInterviewAt] = useState("");
  return (
    <form action={decide} className="flex flex-col gap-3 p-3">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="decision" value="correct" />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Status
        <select
          id="review-correct-status"
          name="status"
          value={status}
          onChange={(event) => setStatus(event.target.value)}
          className={input}
        >
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {CANDIDATE_STATUS_LABELS[choice]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Reason (required, kept in the audit trail)
        <textarea
          name="reason"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-required="true"
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          className={input}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        New interview time, for a reschedule (in {zone}, the candidate&apos;s zone)
        <input
          type="datetime-local"
          name="interviewAt"
          value={interviewAt}
          onChange={(event) => setInterviewAt(event.target.value)}
          aria-invalid={state.fieldErrors?.interviewAt ? true : undefined}
          className={input}
        />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Save correction
      </button>
    </form>
  );
}
