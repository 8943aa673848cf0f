import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * OWASP ASVS 4.0.3 V2.1: at least 12 characters (V2.1.1), up to 128 (at least 64 must be allowed, V2.1.2), any
 * character (V2.1.4), no composition rules (V2.1.9), and no common or easily guessed password (V2.1.7): zxcvbn
 * matches it against its list of ~50,000 common passwords and the patterns people fall into (repeats, sequences,
 * keyboard walks, years, the user's own name and email), and anything it would guess in under 10^8 tries (its
 * score below 3) is refused.
 */
export const PASSWORD_LENGTH = { min: 12, max: 128 } as const;
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

/** Built on first use (about 100 ms): only setting a password needs it, never signing in. */
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** Words that make a password guessable for this account: its email and name, whole and in parts, the product. */
function personalWords(context: { email?: string; name?: string }): string[] {
  const email = context.email?.toLowerCase() ?? "";
  const name = context.name?.toLowerCase() ?? "";
  const words = ["callboard", email, email.split("@")[0] ?? "", name, ...email.split(/[@.+_-]/), ...name.split(/\s+/)];
  return [...new Set(words)].filter((word) => word.length >= 3);
}

/** Why a new password is refused, as a sentence for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < PASSWORD_LENGTH.min) return `Use at least ${PASSWORD_LENGTH.min} characters.`;
  if (password.length > PASSWORD_LENGTH.max) return `Use at most ${PASSWORD_LENGTH.max} characters.`;
  const { score } = zxcvbn().check(password, personalWords(context));
  if (score < MIN_SCORE) {
    return "This password is too easy to guess: it is a common password or a simple pattern. A few unrelated words make a good one.";
  }
  return null;
}
