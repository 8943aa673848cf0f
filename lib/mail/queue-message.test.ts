import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { candidates, outboxMessages } from "@/db/schema";
import { insertCandidate } from "@/tests/support/database";
import { queueMessage } from "./outbox";
import { queueCandidateMessage } from "./queue-message";
import { tempDatabase } from "@/tests/support/temp-database";

const MONDAY = new Date("2027-03-01T10:00:00Z");
const TUESDAY = new Date("2027-03-02T10:00:00Z");

describe("queueCandidateMessage", () => {
  const { db, remove } = tempDatabase("queue-message");
  afterAll(remove);
  const kindsFor = (id: number) =>
    db
      .select({ kind: outboxMessages.kind })
      .from(outboxMessages)
      .where(eq(outboxMessages.candidateId, id))
      .all()
      .map((row) => row.kind);

  it("queues the same message once per interview time, status and invite sequence", () => {
    const candidate = insertCandidate(db, { email: "once@example.com", interviewAt: MONDAY, status: "calling" });
    const confirmed = { ...candidate, status: "confirmed" as const };
    queueCandidateMessage(db, confirmed, "confirmed", MONDAY);
    queueCandidateMessage(db, confirmed, "confirmed", TUESDAY);
    expect(kindsFor(candidate.id)).toEqual(["confirmed"]);
    // Declined and confirmed again: the invite's sequence moved on, so the confirmation is news again.
    db.update(candidates).set({ inviteSequence: 2 }).where(eq(candidates.id, candidate.id)).run();
    queueCandidateMessage(db, { ...confirmed, inviteSequence: 2 }, "confirmed", TUESDAY);
    expect(kindsFor(candidate.id)).toEqual(["confirmed", "confirmed"]);
  });

  it("a self-service link has no key: every new link is sent", () => {
    const candidate = insertCandidate(db, { email: "links@example.com", interviewAt: MONDAY });
    const intent = {
      candidateId: candidate.id,
      kind: "self_service_link" as const,
      interviewAt: MONDAY,
      inviteSequence: 0,
      link: { url: "https://callboard.example/s/token", expiresAt: MONDAY },
    };
    queueMessage(db, intent, MONDAY);
    queueMessage(db, intent, TUESDAY);
    expect(kindsFor(candidate.id)).toEqual(["self_service_link", "self_service_link"]);
  });
});
