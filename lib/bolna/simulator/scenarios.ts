/**
 * How a simulated call ends. The first three are answered calls; the rest never reach the candidate (a
 * voicemail is answered, by a machine: Bolna's detection hangs up with `answered_by_voice_mail: true`).
 */
export type ScenarioName =
  "confirmed" | "declined" | "rescheduled" | "stop-calling" | "transferred" | "no-answer" | "busy" | "failed" | "voicemail";
/** `stop-calling`: the candidate asks never to be called again; `transferred`: the agent hands them to the recruiter. */
export type AnsweredScenario = Extract<ScenarioName, "confirmed" | "declined" | "rescheduled" | "stop-calling" | "transferred">;
export type UnansweredScenario = Exclude<ScenarioName, AnsweredScenario>;

export type ScenarioSetting = {
  name: ScenarioName;
  /** Every webhook of the call is lost; only GET /executions/:id tells how it ended. */
  dropWebhooks?: boolean;
  /**
   * How each of Bolna's retries ends (the call's retry_config decides whether there are any), in order; the last
   * repeats. Without it every attempt ends like the first.
   */
  retries?: ScenarioName[];
};

const ANSWERED: readonly ScenarioName[] = ["confirmed", "declined", "rescheduled", "stop-calling", "transferred"];

export function isAnswered(name: ScenarioName): name is AnsweredScenario {
  return ANSWERED.includes(name);
}

/**
 * The scenario of a number nobody chose one for, by its last digit. Digits 1–6 match the sample bodies in
 * tests/fixtures/bolna (+919800000101 … 106) and the demo seed, so a demo shows every outcome; 9 is a voicemail.
 */
const SCENARIO_BY_LAST_DIGIT: Readonly<Record<string, ScenarioName>> = {
  "0": "confirmed",
  "1": "confirmed",
  "2": "no-answer",
  "3": "busy",
  "4": "failed",
  "5": "declined",
  "6": "rescheduled",
  "7": "confirmed",
  "8": "rescheduled",
  "9": "voicemail",
};

export function scenarioForPhone(phone: string): ScenarioName {
  return SCENARIO_BY_LAST_DIGIT[phone.at(-1) ?? ""] ?? "confirmed";
}
