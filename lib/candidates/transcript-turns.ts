export type Speaker = "agent" | "candidate" | "unknown";
export type Turn = { speaker: Speaker; text: string };

const SPEAKERS: Record<string, Speaker> = {
  assistant: "agent",
  agent: "agent",
  bot: "agent",
  user: "candidate",
  human: "candidate",
};
const PREFIX = /^\s*(assistant|agent|bot|user|human)\s*:\s?(.*)$/i;

/**
 * Bolna's transcript as turns: one `assistant: ...` / `user: ...` line per turn. A line without a speaker
 * continues the turn before it (a message with a line break), or stands alone when nothing precedes it.
 */
export function transcriptTurns(transcript: string | null): Turn[] {
  const turns: Turn[] = [];
  for (const line of (transcript ?? "").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const match = PREFIX.exec(line);
    const speaker = match?.[1] ? SPEAKERS[match[1].toLowerCase()] : undefined;
    const previous = turns.at(-1);
    if (speaker) turns.push({ speaker, text: (match?.[2] ?? "").trim() });
    else if (previous) previous.text = `${previous.text}\n${line.trim()}`;
    else turns.push({ speaker: "unknown", text: line.trim() });
  }
  return turns;
}
