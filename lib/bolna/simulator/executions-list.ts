import { z } from "zod";
import { parseBolnaTime } from "@/lib/time/bolna-time";
import type { ExecutionBody } from "./execution-body";

/** Bolna's cap on `page_size` (reference §8). */
const MAX_PAGE_SIZE = 50;

const filterTime = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const at = parseBolnaTime(value);
    if (!at) {
      ctx.addIssue({ code: "custom", message: "from and to must be ISO 8601 date-times" });
      return z.NEVER;
    }
    return at.date;
  });

const listQuery = z.object({
  page_number: z.coerce.number({ error: "page_number must be a number" }).int().min(1, "page_number starts at 1").default(1),
  page_size: z.coerce
    .number({ error: "page_size must be a number" })
    .int()
    .min(1, `page_size must be between 1 and ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `page_size must be between 1 and ${MAX_PAGE_SIZE}`)
    .default(20),
  status: z.string().optional(),
  call_type: z.enum(["inbound", "outbound"]).optional(),
  from: filterTime,
  to: filterTime,
});

/** A row of the list: Bolna trims executions there, so a client fetches one by id for everything. */
function trimmed(body: ExecutionBody) {
  return {
    id: body.id,
    agent_id: body.agent_id,
    batch_id: body.batch_id,
    status: body.status,
    created_at: body.created_at,
    updated_at: body.updated_at,
    retry_count: body.retry_count,
    conversation_duration: body.conversation_duration,
    total_cost: body.total_cost,
    answered_by_voice_mail: body.answered_by_voice_mail,
    telephony_data: {
      call_type: body.telephony_data.call_type,
      to_number: body.telephony_data.to_number,
      from_number: body.telephony_data.from_number,
    },
  };
}

const createdAt = (body: ExecutionBody) => parseBolnaTime(body.created_at)?.date.getTime() ?? 0;

/**
 * `GET /v2/agent/{agent_id}/executions`: the agent's executions, newest first, filtered by status, call type and
 * `created_at` (`from`, `to`, both inclusive), one page at a time with `has_more`. The error is Bolna's 400 message.
 */
export function listExecutions(
  executions: ExecutionBody[],
  agentId: string,
  params: URLSearchParams,
): { ok: true; page: Record<string, unknown> } | { ok: false; message: string } {
  const parsed = listQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid query" };
  const query = parsed.data;
  const matching = executions
    .filter(
      (body) =>
        body.agent_id === agentId &&
        (query.status === undefined || body.status === query.status) &&
        (query.call_type === undefined || body.telephony_data.call_type === query.call_type) &&
        (query.from === undefined || createdAt(body) >= query.from.getTime()) &&
        (query.to === undefined || createdAt(body) <= query.to.getTime()),
    )
    .sort((a, b) => createdAt(b) - createdAt(a));
  const start = (query.page_number - 1) * query.page_size;
  return {
    ok: true,
    page: {
      page_number: query.page_number,
      page_size: query.page_size,
      total: matching.length,
      has_more: start + query.page_size < matching.length,
      data: matching.slice(start, start + query.page_size).map(trimmed),
    },
  };
}
