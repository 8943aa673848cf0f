import { CORPUS } from "./outcomes/corpus";
import { formatReport } from "./outcomes/report";
import { runCorpus } from "./outcomes/run-corpus";
import { gateFailures, scoreCorpus } from "./outcomes/score";

/**
 * `npm run eval`: runs the labelled outcome corpus through the real webhook pipeline and prints precision and
 * recall per outcome, how much is applied without a person, and every disagreement; exits 1 when a gate fails.
 */
const score = scoreCorpus(runCorpus(CORPUS));
console.log(formatReport(score));
process.exitCode = gateFailures(score).length === 0 ? 0 : 1;
