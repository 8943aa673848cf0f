import { DateTime } from "luxon";
import { asksToMove, type Ending, type Turn } from "./conversation";
import type { SimulatedCall } from "./run-call";
import type { Random } from "@/lib/seeded-random";
import type { CallContext, ExtractedSlot } from "./user-data";

/**
 * Callboard's agent endpoints as a Bolna agent is configured to call them (docs/api.md, "Agent tools"): the
 * custom function tools `check_slots` and `book_slot`, and the inbound agent's `ingest_source_config`, all with
 * `Authorization: Bearer <token>`.
 */
export type AgentTools = { baseUrl: string; token: string };

type ToolLog = SimulatedCall["toolCalls"];
type Answer = { status: number; body: Record<string, unknown> };
type SpokenSlot = { id: number; startsAt: string; spoken: string };

/** Bolna waits for a tool while the caller hears the pre-call message; it gives up after a few seconds. */
const TOOL_TIMEOUT_MS = 10_000;

async function ask(tools: AgentTools, tool: string, request: { path: string; body?: unknown }, log: ToolLog): Promise<Answer> {
  try {
    const response = await fetch(new URL(request.path, tools.baseUrl), {
      method: request.body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${tools.token}`,
        accept: "application/json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(TOOL_TIMEOUT_MS),
    });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = { text };
    }
    log.push({ tool, status: response.status, body });
    return { status: response.status, body };
  } catch (error) {
    log.push({ tool, status: 0, body: { error: String(error) } });
    return { status: 0, body: {} };
  }
}

type CallerContext = {
  known: boolean;
  firstName?: string;
  spoken?: string;
  interviewAt?: string;
  language?: string;
};

/** The inbound agent's look-up before the call (ingest_source_config): GET with the caller's number. */
export async function lookUpCaller(
  tools: AgentTools,
  call: { contactNumber: string; agentId: string; executionId: string },
  log: ToolLog,
): Promise<CallerContext> {
  const query = new URLSearchParams({
    contact_number: call.contactNumber,
    agent_id: call.agentId,
    execution_id: call.executionId,
  });
  const { status, body } = await ask(tools, "caller", { path: `/api/agent/caller?${query}` }, log);
  const candidate = body.candidate as Record<string, unknown> | undefined;
  if (status !== 200 || body.known !== true || !candidate) return { known: false };
  return {
    known: true,
    firstName: String(candidate.firstName ?? ""),
    spoken: String(candidate.spoken ?? ""),
    interviewAt: String(candidate.interviewAt ?? ""),
    language: String(candidate.language ?? "en"),
  };
}

/** A slot's wall-clock time as the agent extracts it, from the tool's `startsAt` (which carries the offset). */
export function extractedSlot(iso: string): ExtractedSlot | null {
  const at = DateTime.fromISO(iso, { setZone: true });
  if (!at.isValid) return null;
  const english = at.setLocale("en-US");
  return { date: english.toFormat("yyyy-MM-dd"), time: english.toFormat("h:mm a"), day_of_week: english.toFormat("cccc") };
}

const slotsOf = (body: Record<string, unknown>): SpokenSlot[] => (Array.isArray(body.slots) ? (body.slots as SpokenSlot[]) : []);

const offer = (slots: SpokenSlot[]) => slots.map((slot, i) => `Option ${i + 1}: ${slot.spoken}.`).join(" ");

/**
 * A reschedule done the way the tools make possible: the agent asks Callboard for free slots, offers them, and
 * books the one the candidate picks while they listen; when it was just taken (409 slot_full) it offers what the
 * answer lists and books again. The extraction names the booked slot, as a real agent's would.
 */
export async function moveWithTools(
  tools: AgentTools,
  executionId: string,
  context: CallContext,
  random: Random,
  log: ToolLog,
): Promise<Ending> {
  const turns: Turn[] = [...asksToMove(context), ["assistant", "Let me check which times are free."]];
  const listed = await ask(
    tools,
    "check_slots",
    { path: `/api/agent/slots?execution_id=${encodeURIComponent(executionId)}` },
    log,
  );
  let slots = listed.status === 200 ? slotsOf(listed.body) : [];
  for (let attempt = 0; attempt < 2 && slots.length > 0; attempt++) {
    const choice = attempt === 0 ? slots[Math.floor(random.next() * slots.length)]! : slots[0]!;
    turns.push(["assistant", `${offer(slots)} Which of these suits you best?`], ["user", `Let's do ${choice.spoken}, please.`]);
    const booked = await ask(
      tools,
      "book_slot",
      { path: "/api/agent/book", body: { execution_id: executionId, slot_id: choice.id } },
      log,
    );
    turns.push(["assistant", String(booked.body.spoken ?? "")]);
    if (booked.status === 200) {
      turns.push(["user", "Thanks, bye."]);
      return {
        turns,
        extraction: {
          call_outcome: "RESCHEDULED",
          final_slot: extractedSlot(String(booked.body.interviewAt)),
          notes: "Booked during the call with the book_slot tool.",
        },
        outcome: `${context.firstName} moved the interview to ${choice.spoken} during the call.`,
      };
    }
    slots = slotsOf(booked.body);
  }
  turns.push(["assistant", "I'm sorry, I have no other times to offer right now. The team will call you with new options."]);
  return {
    turns,
    extraction: { call_outcome: "RESCHEDULED", final_slot: null, notes: "No free slot could be booked." },
    outcome: `${context.firstName} asked for another day; none could be booked.`,
  };
}
