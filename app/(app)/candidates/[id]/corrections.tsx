import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import type { CandidatePage } from "@/lib/candidates/candidate-page";
import { CANDIDATE_STATUSES } from "@/lib/candidates/status";
import { deleteCandidateRecord, overrideCandidateStatus, resetCandidateStatus } from "./actions";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

const inputClass =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200";

type Props = { profile: CandidatePage["profile"]; allowed: CandidatePage["allowed"] };

/**
 * Admins' corrections, each in an in-app dialog. Hiding them is only for the eye: every action checks the
 * permission again on the server.
 */
export function Corrections({ profile, allowed }: Props) {
  if (!allowed.override && !allowed.reset && !allowed.delete) return null;
  return (
    <section
      aria-labelledby="corrections-heading"
      className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="corrections-heading" className="text-sm font-semibold">
        Corrections
      </h2>
      <div className="flex flex-wrap items-start gap-2">
        {allowed.override && (
          <ConfirmDialog
            trigger="Override status"
            title={`Override the status of ${profile.name}`}
            confirm="Override"
            action={overrideCandidateStatus.bind(null, profile.id)}
          >
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              New status
              <select name="status" defaultValue={profile.status} className={inputClass}>
                {CANDIDATE_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {CANDIDATE_STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Reason (required, kept in the audit trail)
              {/* Checked on the server, which answers with a message in the dialog. */}
              <textarea name="reason" rows={3} maxLength={500} aria-required="true" className={inputClass} />
            </label>
            <p className="text-xs text-slate-500">Later webhooks about calls made before this change will not overwrite it.</p>
          </ConfirmDialog>
        )}
        {allowed.reset && (
          <ConfirmDialog
            trigger="Reset"
            title={`Reset ${profile.name} to pending?`}
            confirm="Reset"
            action={resetCandidateStatus.bind(null, profile.id)}
          >
            <p className="text-sm text-slate-600">
              The status goes back to pending and a rescheduled interview returns to its original time.
            </p>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Reason (optional)
              <input name="reason" maxLength={500} className={inputClass} />
            </label>
          </ConfirmDialog>
        )}
        {allowed.delete && (
          <ConfirmDialog
            trigger="Delete"
            title={`Delete ${profile.name}?`}
            confirm="Delete candidate"
            tone="danger"
            action={deleteCandidateRecord.bind(null, profile.id)}
          >
            <p className="text-sm text-slate-600">
              The candidate, their calls, transcripts, recordings and webhook bodies are deleted. The audit trail keeps the name,
              who deleted it and why.
            </p>
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
              Reason (optional)
              <input name="reason" maxLength={500} className={inputClass} />
            </label>
          </ConfirmDialog>
        )}
      </div>
    </section>
  );
}
