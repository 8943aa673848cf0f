"use client";

import { useActionState } from "react";
import { confirmInterview, moveInterview } from "./actions";
import { idleSelfService } from "./self-service-state";

/** The page's words in the candidate's language, translated on the server (messages/<language>.json). */
export type SelfServiceWords = {
  confirm: string;
  chooseAnother: string;
  move: string;
  noOtherTime: string;
};

type Props = {
  token: string;
  canConfirm: boolean;
  canReschedule: boolean;
  /** The slots free at this moment (the page is rendered again after every answer). */
  slots: { id: number; label: string }[];
  words: SelfServiceWords;
};

const BUTTON =
  "w-full rounded-md px-4 py-3 text-base font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60";

/** Confirm, or choose another time: large controls that work with a thumb, and without JavaScript too. */
export function SelfServiceForms({ token, canConfirm, canReschedule, slots, words }: Props) {
  const [confirmState, confirm, confirming] = useActionState(confirmInterview.bind(null, token), idleSelfService);
  const [moveState, move, moving] = useActionState(moveInterview.bind(null, token), idleSelfService);
  const done = [confirmState, moveState].find((state) => state.ok);
  if (done) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900 ring-1 ring-emerald-200">
        {done.message}
      </p>
    );
  }
  const failed = [confirmState, moveState].find((state) => !state.ok && state.message);
  return (
    <div className="flex flex-col gap-4">
      {failed && (
        <p role="alert" className="rounded-lg bg-rose-50 p-3 text-rose-900 ring-1 ring-rose-200">
          {failed.message}
        </p>
      )}
      {canConfirm && (
        <form action={confirm}>
          <button type="submit" disabled={confirming} className={`${BUTTON} bg-emerald-700 text-white hover:bg-emerald-800`}>
            {words.confirm}
          </button>
        </form>
      )}
      {canReschedule &&
        (slots.length > 0 ? (
          <form action={move} className="flex flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium">{words.chooseAnother}</legend>
              {slots.map((slot) => (
                <label
                  key={slot.id}
                  className="flex items-center gap-3 rounded-md border border-slate-200 px-3 py-3 has-checked:border-sky-600"
                >
                  <input type="radio" name="slotId" value={slot.id} required className="size-5" />
                  <span>{slot.label}</span>
                </label>
              ))}
            </fieldset>
            <button type="submit" disabled={moving} className={`${BUTTON} bg-slate-900 text-white hover:bg-slate-700`}>
              {words.move}
            </button>
          </form>
        ) : (
          <p className="text-sm text-slate-600">{words.noOtherTime}</p>
        ))}
    </div>
  );
}
