import { z } from "zod";

/** `GET /api/outbox?before=<id>`: the page of messages older than that one. */
export const outboxQuery = z.object({ before: z.coerce.number().int().positive().optional() });
