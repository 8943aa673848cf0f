import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { renderMessage } from "./candidate-messages";

// A real database: the invite's UID namespace is the installation's own.
let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("candidate-messages"));
});
afterAll(() => db.$client.close());

const candidate = {
  id: 7,
  name: "Ravi Kumar",
  email: "ravi@example.com",
  phone: "+919800000107",
  timeZone: "Asia/Kolkata",
  position: "Data Analyst",
  status: "confirmed" as const,
  requestedInterviewAt: null,
};
const intent = (kind: string) => ({
  id: 1,
  kind,
  interviewAt: new Date("2026-12-18T05:30:00Z"),
  inviteSequence: 0,
  linkUrl: null,
  linkExpiresAt: null,
  createdAt: new Date("2026-12-01T00:00:00Z"),
});

describe("candidate e-mails", () => {
  it("are written in the candidate's language, with the time on their clock", () => {
    const hindi = renderMessage(db, { ...candidate, language: "hi" }, intent("confirmed"))!;
    expect(hindi.subject).toBe("आपके इंटरव्यू की पुष्टि हो गई: शुक्रवार 18 दिसंबर 2026, 11:00 IST (Asia/Kolkata)");
    expect(hindi.body.split("\n").slice(0, 3)).toEqual([
      "नमस्ते Ravi,",
      "",
      "Data Analyst के लिए आपके इंटरव्यू की पुष्टि शुक्रवार 18 दिसंबर 2026, 11:00 IST (Asia/Kolkata) के लिए हो गई है।",
    ]);
    const english = renderMessage(db, { ...candidate, language: "en" }, intent("rescheduled"))!;
    expect(english.subject).toBe("Your interview has moved: Fri 18 Dec 2026, 11:00 IST (Asia/Kolkata)");
    expect(english.body).toContain("Hello Ravi,\n\nYour interview for Data Analyst is now on Fri 18 Dec 2026, 11:00 IST");
  });

  it("falls back to DEFAULT_LANGUAGE for a candidate from before languages were kept", () => {
    expect(renderMessage(db, { ...candidate, language: null }, intent("declined"))!.subject).toBe("Your interview is cancelled");
  });
});
