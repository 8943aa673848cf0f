import type { ConfidenceLabel, Evidence } from "@/db/values";
import { CONFIDENCE_LABEL_TEXT } from "@/lib/calls/confidence-values";

const BADGE: Record<ConfidenceLabel, string> = {
  high: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  medium: "bg-amber-50 text-amber-900 ring-amber-300",
  low: "bg-rose-50 text-rose-800 ring-rose-300",
};

const MARK: Record<Evidence["effect"], { sign: string; className: string; label: string }> = {
  doubts: { sign: "!", className: "bg-rose-100 text-rose-800", label: "Doubt" },
  supports: { sign: "✓", className: "bg-emerald-100 text-emerald-800", label: "Supports" },
  note: { sign: "i", className: "bg-slate-100 text-slate-700", label: "Note" },
};

/** How sure the outcome is: the label and the number (0–1). */
export function ConfidenceBadge({ confidence, label }: { confidence: number; label: ConfidenceLabel }) {
  return (
    <span
      data-confidence={label}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE[label]}`}
    >
      {CONFIDENCE_LABEL_TEXT[label]} confidence
      <span className="tabular-nums">{confidence.toFixed(2)}</span>
    </span>
  );
}

/** Why: each piece of evidence, doubts first, marked as a doubt, a support or a note. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {evidence.map((item, index) => (
        <li key={index} data-evidence={item.kind} className="flex items-start gap-2">
          <span
            aria-hidden
            className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[0.6rem] font-bold ${MARK[item.effect].className}`}
          >
            {MARK[item.effect].sign}
          </span>
          <span className="min-w-0 break-words">
            <span className="sr-only">{MARK[item.effect].label}: </span>
            {item.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Props = { confidence: number | null; label: ConfidenceLabel | null; evidence: Evidence[] | null };

/** A call's confidence with its evidence folded away: the candidate page shows it beside the outcome. */
export function OutcomeConfidence({ confidence, label, evidence }: Props) {
  if (confidence === null || label === null) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer select-none rounded focus-visible:outline-2 focus-visible:outline-sky-500">
        <ConfidenceBadge confidence={confidence} label={label} /> <span className="text-xs text-slate-500">Why?</span>
      </summary>
      <div className="mt-2">
        <EvidenceList evidence={evidence ?? []} />
      </div>
    </details>
  );
}
