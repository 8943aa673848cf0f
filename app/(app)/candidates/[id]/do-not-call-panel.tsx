import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/form-field";
import { LocalTime } from "@/app/_components/local-time";
import type { CandidatePage } from "@/lib/candidates/candidate-page";
import { changeDoNotCall } from "./do-not-call-actions";

type Props = {
  profile: CandidatePage["profile"];
  /** A recruiter may set it; only an admin may lift it. */
  maySet: boolean;
  mayLift: boolean;
};

/** Whether Callboard may call the candidate at all, and the control that changes it. */
export function DoNotCallPanel({ profile, maySet, mayLift }: Props) {
  const marked = profile.doNotCall;
  const mayChange = marked ? mayLift : maySet;
  return (
    <section
      aria-labelledby="do-not-call-heading"
      className={`flex flex-col gap-2 rounded-lg p-4 shadow-sm ring-1 ${marked ? "bg-rose-50 ring-rose-300" : "bg-white ring-slate-200"}`}
    >
      <h2 id="do-not-call-heading" className="text-sm font-semibold">
        Do not call
      </h2>
      {marked ? (
        <p className="text-sm text-rose-950" data-testid="do-not-call">
          <strong className="font-semibold">Not to be called</strong>
          <span>
            {" "}
            — {profile.doNotCallReason} (set by {profile.doNotCallBy} on <LocalTime value={profile.doNotCallAt} />
            ). No call now, batch or reminder rings them.
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-600" data-testid="do-not-call">
          Callboard may call this candidate.
        </p>
      )}
      {marked && !mayLift && <p className="text-xs text-slate-600">Only an admin can lift it.</p>}
      {mayChange && (
        <ActionForm
          action={changeDoNotCall}
          className="flex flex-col gap-2"
          aria-label={marked ? "Lift do-not-call" : "Mark do-not-call"}
        >
          <input type="hidden" name="candidateId" value={profile.id} />
          <input type="hidden" name="doNotCall" value={marked ? "false" : "true"} />
          <FormField
            label={marked ? "Why may they be called again?" : "Why not call them?"}
            name="reason"
            required
            maxLength={500}
            placeholder={marked ? "Asked us to call again by e-mail" : "Asked not to be called"}
          />
          <FormMessage fieldsShown />
          <SubmitButton tone={marked ? "secondary" : "danger"} className="self-start">
            {marked ? "Lift do-not-call" : "Do not call"}
          </SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
