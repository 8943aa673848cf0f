import { DataTable } from "@/app/_components/data-table";
import { LocalTime } from "@/app/_components/local-time";
import { ViewerZoneName } from "@/app/_components/viewer-zone";
import { WholeBodyLink } from "@/app/_components/whole-body-link";
import type { TimelineDelivery } from "@/lib/candidates/candidate-timeline";
import type { EventResult } from "@/db/values";

const RESULT_STYLES: Record<EventResult, string> = {
  applied: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  duplicate: "bg-amber-50 text-amber-900 ring-amber-300",
  stale: "bg-slate-100 text-slate-700 ring-slate-300",
  unmatched: "bg-rose-50 text-rose-800 ring-rose-300",
};

const RESULT_LABELS: Record<EventResult, string> = {
  applied: "Applied",
  duplicate: "Duplicate",
  stale: "Stale",
  unmatched: "Unmatched",
};

const RESULT_HINTS: Record<EventResult, string> = {
  applied: "Updated the call",
  duplicate: "The same body arrived again; nothing changed",
  stale: "Older than what the call already showed; kept, not applied",
  unmatched: "No candidate matched",
};

function ResultBadge({ delivery }: { delivery: TimelineDelivery }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span
        title={RESULT_HINTS[delivery.result]}
        className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${RESULT_STYLES[delivery.result]}`}
      >
        {RESULT_LABELS[delivery.result]}
      </span>
      {delivery.duplicateOfId !== null && <span className="text-xs text-slate-600">of #{delivery.duplicateOfId}</span>}
    </span>
  );
}

/** Every delivery that reached one call, in arrival order. */
export function WebhookDeliveries({ deliveries, headingId }: { deliveries: TimelineDelivery[]; headingId: string }) {
  // Six narrow technical columns: on a phone they scroll inside their box, not the page.
  return (
    <DataTable
      name={{ labelledBy: headingId }}
      empty="No webhook deliveries yet."
      phone="scroll"
      plain
      className="whitespace-nowrap"
      rows={deliveries}
      rowKey={(delivery) => delivery.id}
      rowProps={(delivery) => ({ "data-delivery-id": delivery.id, "data-result": delivery.result })}
      columns={[
        { header: "#", className: "tabular-nums text-slate-600", cell: (delivery) => delivery.id },
        { header: "Bolna status", className: "font-mono text-xs", cell: (delivery) => delivery.bolnaStatus ?? "—" },
        {
          header: (
            <>
              Received (<ViewerZoneName />)
            </>
          ),
          cell: (delivery) => <LocalTime value={delivery.receivedAt} precision="second" />,
        },
        { header: "Sender IP", className: "font-mono text-xs", cell: (delivery) => delivery.senderIp ?? "—" },
        { header: "Source", className: "text-xs text-slate-600", cell: (delivery) => delivery.source },
        { header: "Result", cell: (delivery) => <ResultBadge delivery={delivery} /> },
      ]}
    />
  );
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Admins only: the bodies as Bolna sent them. A duplicate's body is stored once, on the original. */
export function RawDeliveryBodies({ deliveries, callId }: { deliveries: TimelineDelivery[]; callId: number }) {
  if (deliveries.length === 0) return null;
  return (
    <details className="rounded-md border border-slate-200 bg-slate-50">
      <summary className="cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-500">
        Raw webhook bodies ({deliveries.length})
      </summary>
      <ol className="flex flex-col gap-3 px-3 pb-3">
        {deliveries.map((delivery) => (
          <li key={delivery.id} id={`call-${callId}-delivery-${delivery.id}`} className="flex flex-col gap-1">
            <p className="text-xs font-medium text-slate-600">
              Delivery #{delivery.id} · {delivery.bolnaStatus ?? "no status"} · {RESULT_LABELS[delivery.result]}
            </p>
            {delivery.duplicateOfId !== null ? (
              <p className="text-xs text-slate-600">
                Same body as{" "}
                <a href={`#call-${callId}-delivery-${delivery.duplicateOfId}`} className="text-sky-700 underline">
                  delivery #{delivery.duplicateOfId}
                </a>
                .
              </p>
            ) : (
              <>
                <pre
                  className="max-h-80 overflow-auto rounded bg-white p-2 font-mono text-xs leading-relaxed text-slate-800 ring-1 ring-slate-200"
                  tabIndex={0}
                >
                  {delivery.rawBody === null
                    ? "(not stored)"
                    : delivery.rawBodyCut
                      ? delivery.rawBody
                      : prettyJson(delivery.rawBody)}
                </pre>
                {delivery.rawBodyCut && <WholeBodyLink eventId={delivery.id} bytes={delivery.rawBodyBytes} />}
              </>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
