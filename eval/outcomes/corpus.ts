import contradictions from "./cases/contradictions";
import devanagari from "./cases/devanagari";
import english from "./cases/english";
import extractionShapes from "./cases/extraction-shapes";
import heldOut from "./cases/held-out";
import hinglish from "./cases/hinglish";
import reschedules from "./cases/reschedules";
import shortAnswers from "./cases/short-answers";
import someoneElse from "./cases/someone-else";
import stopCalling from "./cases/stop-calling";
import tamilTelugu from "./cases/tamil-telugu";
import unanswered from "./cases/unanswered";
import voicemailIvr from "./cases/voicemail-ivr";
import wordsOnly from "./cases/words-only";
import type { CorpusCase } from "./corpus-case";

/** Every labelled case, family by family (eval/outcomes/cases/). */
export const CORPUS: CorpusCase[] = [
  ...english,
  ...shortAnswers,
  ...hinglish,
  ...devanagari,
  ...tamilTelugu,
  ...someoneElse,
  ...voicemailIvr,
  ...contradictions,
  ...reschedules,
  ...extractionShapes,
  ...unanswered,
  ...wordsOnly,
  ...heldOut,
  ...stopCalling,
];
