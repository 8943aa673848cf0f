"use client";

import { useState } from "react";
import { ActionForm, FormMessage, SubmitButton, useKeptValue, type FormAction } from "@/app/_components/action-form";
import { CheckboxField, FormField, SelectField } from "@/app/_components/form-field";
import { LANGUAGES, type Language } from "@/db/values";
import { LANGUAGE_NAMES } from "@/lib/agent/agent-values";

type SlotOption = { id: number; label: string; full: boolean };

type CandidateFormDefaults = {
  candidateId?: number;
  name?: string;
  phone?: string;
  email?: string;
  position?: string;
  /** "" reads the interview in the phone's country's zone. */
  timeZone?: string;
  /** `<input type="datetime-local">` text in `timeZone`. */
  interviewAt?: string;
  /** The candidate's language; DEFAULT_LANGUAGE when adding. */
  language: Language;
};

type Props = {
  action: FormAction;
  submit: string;
  zones: string[];
  /** INTERVIEW_TIMEZONE: the zone when neither the form nor the phone names one. */
  fallbackZone: string;
  defaults: CandidateFormDefaults;
  /** The pool, when the form also picks the slots the agent may offer (adding). */
  slots?: SlotOption[];
};

const kept = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function ZoneAndInterview({ zones, fallbackZone, defaults }: Pick<Props, "zones" | "fallbackZone" | "defaults">) {
  const sent = kept(useKeptValue("timeZone"));
  const [zone, setZone] = useState(sent ?? defaults?.timeZone ?? "");
  const readIn = zone || `the phone's country's zone (${fallbackZone}, assumed, if it has several or the number tells none)`;
  return (
    <>
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={defaults?.timeZone ?? ""}
        onChange={(event) => setZone(event.currentTarget.value)}
        options={[{ value: "", label: "From the phone number" }, ...zones.map((name) => ({ value: name, label: name }))]}
        hint="Where the candidate lives: the agent says every time in this zone."
      />
      <FormField
        label={`Interview (${zone || "the candidate's zone"})`}
        name="interviewAt"
        type="datetime-local"
        required
        defaultValue={defaults?.interviewAt}
        hint={`Read in ${readIn}.`}
      />
      <CheckboxField
        label="The interview is in the past: record it anyway"
        name="allowPast"
        hint="For a historical record. Callboard will not call about a past interview without asking."
      />
    </>
  );
}

function SlotChoices({ slots }: { slots: SlotOption[] }) {
  const sent = useKeptValue("reschedulingSlotIds");
  const chosen = sent === undefined ? [] : ([] as string[]).concat(sent);
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">Slots the agent may offer instead</legend>
      {slots.length === 0 && <p className="text-sm text-slate-600">The slot pool has no upcoming slot.</p>}
      {slots.map((slot) => {
        const checked = chosen.includes(String(slot.id));
        return (
          <label key={slot.id} className="flex items-center gap-2 text-sm">
            <input key={String(checked)} type="checkbox" name="reschedulingSlotIds" value={slot.id} defaultChecked={checked} />
            {slot.label}
            {slot.full && <span className="text-xs text-slate-600">(full)</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

/**
 * Adding or editing a candidate. Every field keeps what was typed when the server refuses, and the interview
 * field says which zone its date and time are read in.
 */
export function CandidateForm({ action, submit, zones, fallbackZone, defaults, slots }: Props) {
  return (
    <ActionForm action={action} className="flex max-w-xl flex-col gap-4">
      {defaults.candidateId !== undefined && <input type="hidden" name="candidateId" value={defaults.candidateId} />}
      <FormField label="Name" name="name" required autoComplete="off" defaultValue={defaults.name} />
      <FormField label="Phone" name="phone" type="tel" required placeholder="+91 98000 00000" defaultValue={defaults.phone} />
      <FormField label="Email" name="email" type="email" defaultValue={defaults.email} />
      <FormField label="Position" name="position" defaultValue={defaults.position} />
      <SelectField
        label="Language"
        name="language"
        defaultValue={defaults.language}
        options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        hint="The agent speaks it on calls; the candidate's page and e-mails are written in it."
      />
      <ZoneAndInterview zones={zones} fallbackZone={fallbackZone} defaults={defaults} />
      {slots && <SlotChoices slots={slots} />}
      <FormMessage fieldsShown />
      <SubmitButton className="self-start">{submit}</SubmitButton>
    </ActionForm>
  );
}
