import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { LocalTime } from "@/app/_components/local-time";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { outboxEntries } from "@/lib/mail/outbox-view";

export const metadata: Metadata = { title: "Outbox" };

const STATE_STYLES: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-900",
  queued: "bg-sky-100 text-sky-900",
  failed: "bg-rose-100 text-rose-900",
  unsent: "bg-slate-200 text-slate-700",
};

/** Messages to candidates: what was sent, is waiting, failed, or — without SMTP — was never sent. */
export default async function OutboxPage() {
  const actor = await requireActor();
  if (!can(actor.role, "audit:read")) forbidden();
  const messages = outboxEntries(getDb());
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-xl font-semibold">Outbox</h1>
        <p className="text-sm text-slate-600">
          {env().SMTP_URL
            ? "Messages to candidates, sent through the configured SMTP server; the newest 50."
            : "No SMTP server is configured (SMTP_URL): messages to candidates are kept here, not sent. The newest 50."}
        </p>
      </header>
      {messages.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">No messages yet.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {messages.map((message) => (
            <li key={message.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLES[message.state] ?? ""}`}>
                  {message.state === "unsent" ? "not sent" : message.state}
                </span>
                <span className="font-medium">{message.subject ?? "(the candidate is gone or has no e-mail address)"}</span>
                {message.toAddress && <span className="text-slate-600">to {message.toAddress}</span>}
                <span className="ml-auto text-xs text-slate-500">
                  <LocalTime value={message.createdAt} />
                </span>
              </div>
              {message.lastError && <p className="mt-1 text-xs text-slate-600">{message.lastError}</p>}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-slate-600">
                  Message{message.ics ? ` and invite (${message.icsMethod})` : ""}
                </summary>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-3 text-xs">{message.body}</pre>
                {message.ics && <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">{message.ics}</pre>}
              </details>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
