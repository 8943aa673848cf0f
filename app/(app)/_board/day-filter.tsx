import Link from "next/link";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { DAY_PRESET_LABELS, DAY_PRESETS, dayPresets, presetOf } from "@/lib/candidates/interview-dates";
import { boardHref } from "./board-href";

const chip =
  "rounded-full border border-slate-300 bg-white px-2.5 py-0.5 text-sm text-slate-800 hover:bg-slate-50 aria-[current]:border-slate-900 aria-[current]:bg-slate-900 aria-[current]:text-white";
const dateInput = "rounded-md border border-slate-400 px-2 py-1 text-sm font-normal text-slate-900";

type Props = { query: CandidateListQuery; now: Date; zone: string; zoneName: string };

/**
 * "Who is coming tomorrow?": the interview day on the team's clock, as links (today, tomorrow, this week) and as a
 * range of two days. It sits inside the board's GET form, so a range applies with the search and the status.
 */
export function DayFilter({ query, now, zone, zoneName }: Props) {
  const presets = dayPresets(now, zone);
  const current = presetOf(query, now, zone);
  const ranged = Boolean(query.interviewFrom || query.interviewTo);
  const all = { interviewFrom: undefined, interviewTo: undefined, page: 1 };
  return (
    <div className="flex w-full flex-wrap items-center gap-1.5" data-testid="day-filter">
      <span className="text-xs font-medium text-slate-700">
        Interview day (<span className="md:hidden">{zoneName.split(", ").at(-1)}</span>
        <span className="max-md:hidden">{zoneName}</span>):
      </span>
      <Link href={boardHref(query, all)} aria-current={ranged ? undefined : "true"} className={chip}>
        All days
      </Link>
      {DAY_PRESETS.map((preset) => (
        <Link
          key={preset}
          href={boardHref(query, { ...presets[preset], page: 1 })}
          aria-current={current === preset ? "true" : undefined}
          className={chip}
        >
          {DAY_PRESET_LABELS[preset]}
        </Link>
      ))}
      {/* Open, it takes a line of its own under the day links. */}
      <details className="group open:basis-full" open={ranged && current === null}>
        <summary className={`${chip} inline-block w-fit cursor-pointer list-none group-open:border-slate-900`}>
          Choose days
        </summary>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
            From
            <input type="date" name="interviewFrom" defaultValue={query.interviewFrom ?? ""} className={dateInput} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
            To
            <input type="date" name="interviewTo" defaultValue={query.interviewTo ?? ""} className={dateInput} />
          </label>
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Show these days
          </button>
        </div>
      </details>
    </div>
  );
}
