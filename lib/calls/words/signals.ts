/**
 * What a candidate's turn can say about the interview, as lib/calls/words/candidate-words.ts reads it:
 * - `coming`: they will attend ("I'll be there", "main aa jaunga", "nenu vastanu");
 * - `yes`: a bare agreement ("yes", "haan ji", "theek hai", "sari") — an answer to "can you attend?";
 * - `refuses`: they do not want the job or the interview ("not interested", "withdraw", "mujhe nahi aana");
 * - `cannotThen`: the time does not suit them ("I can't make it on Monday", "Monday mudiyadhu");
 * - `anotherTime`: they ask for another time ("a different day", "kisi aur din", "vere roju");
 * - `unsure`: they hedge ("not sure", "let me think", "soch ke batata hoon");
 * - `callBack`: they ask to be called later ("call me back", "baad mein call karna");
 * - `someoneElse`: another person answered ("he is not at home", "main uski mummy bol rahi hoon");
 * - `wrongNumber`: the number is not the candidate's ("wrong number", "galat number");
 * - `machine`: a voicemail greeting, a network announcement, an IVR or a call-screening service.
 */
export type Signal =
  "coming" | "yes" | "refuses" | "cannotThen" | "anotherTime" | "unsure" | "callBack" | "someoneElse" | "wrongNumber" | "machine";

/** Phrases per signal; a language file lists only the signals it has words for. */
export type Phrases = Partial<Record<Signal, RegExp[]>>;
