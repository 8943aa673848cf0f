import type { Db } from "@/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { ErrorCode } from "@/lib/http/error-codes";
import { bookWithin, type AgentBookInput, type AgentBooking } from "./agent-book";
import { lookUpCaller, type CallerAnswer, type CallerQuery } from "./caller-lookup";

/**
 * The agent tools' writes, run on the webhook's writer thread (lib/webhook/writer-thread.ts) in its group commit
 * beside the deliveries. A tool answers a caller who is waiting on the line: written on the event loop, its
 * statement would wait there, synchronously, for the write lock the writer thread holds almost without a break
 * under Bolna's webhook load (up to 2 s measured), and every other request would wait with it.
 */
export type AgentWrite = { kind: "caller"; query: CallerQuery; now: Date } | { kind: "book"; input: AgentBookInput; now: Date };

export type AgentWritten<W extends AgentWrite> = W["kind"] extends "caller" ? CallerAnswer : AgentBooking;

/** An ApiError as it crosses between threads (structured clone keeps only an Error's message). */
export type AgentRefusal = { code: ErrorCode; message: string; field?: string };

export const refusalOf = (error: ApiError): AgentRefusal => ({ code: error.code, message: error.message, field: error.field });
export const errorOf = (refusal: AgentRefusal) => new ApiError(refusal.code, refusal.message, refusal.field);

/** Runs one agent write on `db`, inside the caller's transaction. */
export function applyAgentWrite(db: Db, write: AgentWrite): CallerAnswer | AgentBooking {
  return write.kind === "caller" ? lookUpCaller(db, write.query, write.now) : bookWithin(db, write.input, write.now);
}
