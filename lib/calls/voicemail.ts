const VOICEMAIL = /voice\s*-?mail|answering machine/i;

/**
 * Whether Bolna's words about a call (its hang-up reason, error message or an outcome reason) say a machine
 * answered. Bolna also reports `answered_by_voice_mail` (reference §7); until that flag is kept on the call,
 * the words are what Callboard has.
 */
export function mentionsVoicemail(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => text != null && VOICEMAIL.test(text));
}
