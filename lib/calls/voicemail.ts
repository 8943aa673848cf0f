/** The facts that tell a voicemail apart: Bolna's detection flag, and how the call was hung up. */
export type VoicemailFacts = {
  answeredByVoicemail: boolean | null;
  hangupBy: string | null;
  hangupReason: string | null;
};

// Bolna's voicemail detection hangs up with a reason naming the machine; carriers say "answering machine".
const VOICEMAIL_HANGUP = /voice\s*-?mail|answering\s+machine|machine\s+detect/i;

/** Whether Bolna's words about a call (a hang-up reason, an error message, a reason Callboard kept) name a machine. */
export function mentionsVoicemail(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => text != null && VOICEMAIL_HANGUP.test(text));
}

/**
 * Whether a machine, not the candidate, took the call. A voicemail is never a confirmation, whatever its
 * transcript says: the greeting and the agent's own words can read like one.
 */
export function isVoicemail(call: VoicemailFacts): boolean {
  return call.answeredByVoicemail === true || mentionsVoicemail(call.hangupReason, call.hangupBy);
}

export const VOICEMAIL_REASON = "Voicemail";
