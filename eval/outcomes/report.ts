import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { gateFailures, MIN_CLEAR_APPLIED, type Score } from "./score";

const percent = (value: number | null) => (value === null ? "   —  " : `${(value * 100).toFixed(1).padStart(5)} %`);
const quote = (text: string, max = 110) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The eval's printout: precision and recall per outcome, how much was applied at once, every disagreement. */
export function formatReport(score: Score): string {
  const lines: string[] = [];
  lines.push(`Outcome corpus: ${score.total} completed-call cases (eval/outcomes/cases/)`, "");
  lines.push("outcome       labelled  proposed  agreed  precision  recall");
  for (const row of score.outcomes) {
    lines.push(
      `${CANDIDATE_STATUS_LABELS[row.outcome].padEnd(12)}  ${String(row.labelled).padStart(8)}  ${String(row.proposed).padStart(8)}  ${String(row.agreed).padStart(6)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall)}`,
    );
  }
  lines.push(
    "",
    `applied at once: ${score.appliedAtOnce} of ${score.total} (${percent(score.appliedAtOnce / score.total).trim()}); ` +
      `held for a person: ${score.total - score.appliedAtOnce}`,
    `clear cases applied at once: ${score.clearApplied} of ${score.clear} (${percent(score.clear ? score.clearApplied / score.clear : 1).trim()}; gate ≥ ${MIN_CLEAR_APPLIED * 100} %)`,
    `wrong decisive outcomes applied at once: ${score.wrongApplied.length} (gate: 0)`,
    `messages queued while waiting for review: ${score.sentWhileHeld.length} (gate: 0)`,
    "",
    `disagreements with the labels: ${score.disagreements.length}`,
  );
  for (const { result, problems } of score.disagreements) {
    const label = `${result.case.label.outcome}${result.case.label.person ? " (person)" : ""}`;
    const got = result.held ? `held, proposes ${result.proposed}` : `applied ${result.applied}`;
    const confidence = result.confidence === null ? "" : ` ${result.confidence.toFixed(2)}`;
    lines.push(`  ${result.case.id}: label ${label}; ${got}${confidence}: ${problems.join("; ")}`);
    lines.push(`      ${quote(result.reason)}`);
  }
  const failures = gateFailures(score);
  lines.push("", failures.length === 0 ? "gates: pass" : `gates: FAIL\n${failures.map((line) => `  ${line}`).join("\n")}`);
  return lines.join("\n");
}
