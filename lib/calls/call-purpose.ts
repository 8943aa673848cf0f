/**
 * Why a call is placed: `confirmation` asks the candidate to confirm (or move) the interview; `reconfirmation` is
 * the reminder shortly before it (lib/reach/reconfirmation-scheduler.ts), which leaves the candidate's status
 * alone unless they say something new.
 */
export const CALL_PURPOSES = ["confirmation", "reconfirmation"] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];
