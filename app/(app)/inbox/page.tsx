import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import type { Route } from "next";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { WholeBodyLink } from "@/app/_components/whole-body-link";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import {
  countOpenUnmatched,
  listLinkTargets,
  listRecentlyResolved,
  listRejectedSenders,
  listUnmatched,
  type LinkTarget,
  type UnmatchedDelivery,
} from "@/lib/webhook/inbox";
import { dismiss } from "./actions";
import { LinkDeliveryForm } from "./link-delivery-form";

export const metadata: Metadata = { title: "Webhook inbox" };

/** The stored body, indented when it is whole JSON; the start of a long one as stored (lib/webhook/inbox.ts). */
function readableBody(delivery: UnmatchedDelivery): string {
  if (delivery.rawBodyCut) return delivery.rawBody;
  try {
    return JSON.stringify(JSON.parse(delivery.rawBody), null, 2);
  } catch {
    return delivery.rawBody;
  }
}

const candidateHref = (id: number) => `/candidates/${id}` as Route;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function DeliveryCard({ delivery, targets }: { delivery: UnmatchedDelivery; targets: LinkTarget[] }) {
  const titleId = `delivery-${delivery.id}-title`;
  return (
    <article
      aria-labelledby={titleId}
      data-event-id={delivery.id}
      className="flex min-w-0 flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={titleId} className="font-mono text-sm font-medium">
          Execution {delivery.executionId}
        </h3>
        <span className="text-xs text-slate-600">delivery #{delivery.id}</span>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Fact term="Received">
          <LocalTime value={delivery.receivedAt} precision="second" />
        </Fact>
        <Fact term="Bolna status">
          <span className="font-mono text-xs">{delivery.bolnaStatus ?? "—"}</span>
        </Fact>
        <Fact term="Phone in the body">
          {delivery.phones.length === 0 ? (
            <span className="text-slate-600">none</span>
          ) : (
            <span className="tabular-nums">{delivery.phones.join(", ")}</span>
          )}
        </Fact>
        <Fact term="Sender IP">
          <span className="font-mono text-xs">{delivery.senderIp ?? "—"}</span>
        </Fact>
      </dl>
      <details className="rounded-md bg-slate-50 ring-1 ring-slate-200">
        <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-slate-700">Raw body</summary>
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all px-3 py-2 font-mono text-xs text-slate-800">
          {readableBody(delivery)}
        </pre>
        {delivery.rawBodyCut && (
          <div className="px-3 pb-2">
            <WholeBodyLink eventId={delivery.id} bytes={delivery.rawBodyBytes} />
          </div>
        )}
      </details>
      <div className="flex flex-wrap items-end justify-between gap-3 border-t border-slate-100 pt-3">
        <LinkDeliveryForm eventId={delivery.id} targets={targets} />
        <ConfirmDialog
          trigger="Dismiss"
          title={`Dismiss the delivery of execution ${delivery.executionId}?`}
          confirm="Dismiss"
          action={dismiss}
        >
          <input type="hidden" name="eventId" value={delivery.id} />
          <p className="text-sm text-slate-700">
            It leaves the inbox without changing any candidate. The stored body is kept for the record.
          </p>
        </ConfirmDialog>
      </div>
    </article>
  );
}

export default async function InboxPage() {
  const actor = await requireActor();
  if (!can(actor.role, "webhooks:inspect")) forbidden();
  const db = getDb();
  const deliveries = listUnmatched(db);
  const open = countOpenUnmatched(db);
  const targets = deliveries.length > 0 ? listLinkTargets(db) : [];
  const resolved = listRecentlyResolved(db);
  const senders = listRejectedSenders(db);
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Webhook inbox</h1>
        <LiveUpdates />
      </header>

      <section aria-labelledby="unmatched-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="unmatched-heading" className="text-base font-semibold">
            Unmatched deliveries <span className="text-sm font-normal text-slate-600">({open})</span>
          </h2>
          <p className="text-sm text-slate-700">
            Bolna sent these, but no candidate has their execution id or phone. Linking one applies it to the candidate you
            choose, and later deliveries of the same call follow on their own.
            {open > deliveries.length && ` The newest ${deliveries.length} are shown.`}
          </p>
        </div>
        {deliveries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-sm text-slate-700">
            Nothing to sort out: every delivery found its candidate.
          </p>
        ) : (
          deliveries.map((delivery) => <DeliveryCard key={delivery.id} delivery={delivery} targets={targets} />)
        )}
      </section>

      {resolved.length > 0 && (
        <section aria-labelledby="resolved-heading" className="flex flex-col gap-2">
          <h2 id="resolved-heading" className="text-base font-semibold">
            Recently resolved
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
            {resolved.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <span className="font-mono text-xs">{item.executionId}</span>{" "}
                {item.candidate ? (
                  <span className="flex items-center gap-2">
                    linked to{" "}
                    <Link href={candidateHref(item.candidate.id)} className="font-medium hover:underline">
                      {item.candidate.name}
                    </Link>{" "}
                    <StatusBadge status={item.candidate.status} />
                  </span>
                ) : (
                  <span className="text-slate-600">dismissed</span>
                )}{" "}
                <span className="ml-auto text-xs text-slate-600">
                  <LocalTime value={item.resolvedAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="senders-heading" className="flex flex-col gap-3">
        <div>
          <h2 id="senders-heading" className="text-base font-semibold">
            Rejected senders
          </h2>
          <p className="text-sm text-slate-700">
            Webhook calls refused because of their sender address. A new address here may mean Bolna changed its IPs: if it is
            Bolna&apos;s, add it to <code className="rounded bg-slate-100 px-1 font-mono text-xs">BOLNA_WEBHOOK_IPS</code> and
            restart.
          </p>
        </div>
        {senders.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-sm text-slate-700">
            No sender has been refused.
          </p>
        ) : (
          <div
            className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200"
            tabIndex={0}
            role="region"
            aria-labelledby="senders-heading"
          >
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Rejected webhook senders, most recently seen first</caption>
              <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Address
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Refused
                  </th>
                  <th scope="col" className="px-3 py-2">
                    First seen
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last seen
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last reason
                  </th>
                </tr>
              </thead>
              <tbody>
                {senders.map((sender) => (
                  <tr key={sender.ip} className="border-t border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-medium">
                      {sender.ip}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{sender.count}</td>
                    <td className="px-3 py-2 text-xs">
                      <LocalTime value={sender.firstSeenAt} />
                    </td>
                    <td className="px-3 py-2 text-xs">
                      <LocalTime value={sender.lastSeenAt} />
                    </td>
                    <td className="px-3 py-2 text-xs text-slate-700">{sender.lastReason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
