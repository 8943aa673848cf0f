import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { FormField, SelectField, TextAreaField } from "@/app/_components/form-field";
import type { CandidatePage } from "@/lib/candidates/candidate-page";
import { CANDIDATE_STATUSES } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { deleteCandidateRecord, overrideCandidateStatus, resetCandidateStatus } from "./actions";

const STATUS_OPTIONS = CANDIDATE_STATUSES.map((status) => ({ value: status, label: CANDIDATE_STATUS_LABELS[status] }));

type Props = { profile: CandidatePage["profile"]; allowed: CandidatePage["allowed"] };

/**
 * Admins' corrections, each in an in-app dialog whose fields keep what was chosen when the server refuses.
 * Hiding them is only for the eye: every action checks the permission again on the server.
 */
export function Corrections({ profile, allowed }: Props) {
  if (!allowed.override && !allowed.reset && !allowed.delete) return null;
  const id = <input type="hidden" name="candidateId" value={profile.id} />;
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
            action={overrideCandidateStatus}
          >
            {id}
            <SelectField label="New status" name="status" defaultValue={profile.status} options={STATUS_OPTIONS} />
            <TextAreaField
              label="Reason (required, kept in the audit trail)"
              name="reason"
              rows={3}
              maxLength={500}
              aria-required="true"
            />
            <p className="text-xs text-slate-600">Later webhooks about calls made before this change will not overwrite it.</p>
          </ConfirmDialog>
        )}
        {allowed.reset && (
          <ConfirmDialog
            trigger="Reset"
            title={`Reset ${profile.name} to pending?`}
            confirm="Reset"
            action={resetCandidateStatus}
          >
            {id}
            <p className="text-sm text-slate-700">
              The status goes back to pending and a rescheduled interview returns to its original time.
            </p>
            <FormField label="Reason (optional)" name="reason" maxLength={500} />
          </ConfirmDialog>
        )}
        {allowed.delete && (
          <ConfirmDialog
            trigger="Delete"
            title={`Delete ${profile.name}?`}
            confirm="Delete candidate"
            tone="danger"
            action={deleteCandidateRecord}
          >
            {id}
            <p className="text-sm text-slate-700">
              The candidate, their calls, transcripts, recordings and webhook bodies are deleted. The audit trail keeps the name,
              who deleted it and why.
            </p>
            <FormField label="Reason (optional)" name="reason" maxLength={500} />
          </ConfirmDialog>
        )}
      </div>
    </section>
  );
}
