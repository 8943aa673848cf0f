import { describe, expect, it } from "vitest";
import { LANGUAGES } from "@/db/values";
import { MESSAGES, translator } from "./translator";
import { spokenWhen, writtenWhen } from "./when";

/** Every message path with the placeholders it uses (`{name}`, and ICU plural/select arguments). */
function shape(messages: Record<string, unknown>, prefix = ""): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(messages)) {
    const path = `${prefix}${key}`;
    if (typeof value === "string") found[path] = [...value.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]!).sort();
    else Object.assign(found, shape(value as Record<string, unknown>, `${path}.`));
  }
  return found;
}

const KOLKATA = "Asia/Kolkata";
const NOW = new Date("2026-12-01T00:00:00Z");
const at = (iso: string) => new Date(iso);

describe("messages", () => {
  it("has every English message in every language, with the same placeholders", () => {
    const english = shape(MESSAGES.en);
    for (const language of LANGUAGES) expect(shape(MESSAGES[language]), language).toEqual(english);
  });

  it("formats plurals in each language", () => {
    expect(translator("en", "selfService")("changesLeft", { changes: 1 })).toBe(
      "You can move your interview 1 more time with this link. Confirming never uses one up.",
    );
    expect(translator("en", "selfService")("changesLeft", { changes: 2 })).toContain("2 more times");
    expect(translator("hi", "selfService")("changesLeft", { changes: 2 })).toContain("2 बार और");
  });
});

describe("spoken and written times", () => {
  it.each([
    ["2026-12-18T05:30:00Z", "शुक्रवार, 18 दिसंबर को सुबह 11 बजे"],
    ["2026-12-18T06:30:00Z", "शुक्रवार, 18 दिसंबर को दोपहर 12 बजे"],
    ["2026-12-18T09:00:00Z", "शुक्रवार, 18 दिसंबर को दोपहर 2:30 बजे"],
    ["2026-12-18T12:45:00Z", "शुक्रवार, 18 दिसंबर को शाम 6:15 बजे"],
    ["2026-12-18T16:30:00Z", "शुक्रवार, 18 दिसंबर को रात 10 बजे"],
    ["2027-01-08T04:30:00Z", "शुक्रवार, 8 जनवरी 2027 को सुबह 10 बजे"],
  ])("says %s in Hindi as %s", (iso, spoken) => {
    expect(spokenWhen(at(iso), KOLKATA, "hi", NOW)).toBe(spoken);
  });

  it("says the same instant in English on the candidate's clock", () => {
    expect(spokenWhen(at("2026-12-18T05:30:00Z"), KOLKATA, "en", NOW)).toBe(
      "Friday, the 18th of December at 11 o'clock in the morning",
    );
    expect(spokenWhen(at("2026-12-18T05:30:00Z"), "Europe/London", "en", NOW)).toBe(
      "Friday, the 18th of December at 5:30 in the morning",
    );
  });

  it("writes an instant with its zone in each language", () => {
    expect(writtenWhen(at("2026-12-18T05:30:00Z"), KOLKATA, "en")).toBe("Friday 18 December 2026, 11:00 IST");
    expect(writtenWhen(at("2026-12-18T05:30:00Z"), KOLKATA, "hi")).toBe("शुक्रवार 18 दिसंबर 2026, 11:00 IST");
    expect(writtenWhen(at("2026-12-18T05:30:00Z"), KOLKATA, "en", "minute")).toBe("Fri 18 Dec 2026, 11:00 IST");
  });
});
