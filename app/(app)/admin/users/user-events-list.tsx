import { LocalTime } from "@/app/_components/local-time";
import type { UserEvent, UserEventKind } from "@/db/schema";

const WHAT: Record<UserEventKind, string> = {
  created: "created",
  role_changed: "changed the role of",
  deactivated: "deactivated",
  reactivated: "reactivated",
  unlocked: "unlocked the sign-in of",
  password_changed: "changed the password of",
};

/** The user-management audit trail: who did what to which account, newest first. */
export function UserEventsList({ events, total }: { events: UserEvent[]; total: number }) {
  return (
    <section aria-labelledby="user-events-heading" className="flex flex-col gap-2">
      <h2 id="user-events-heading" className="text-base font-semibold">
        Account changes{" "}
        <span className="text-sm font-normal text-slate-500">
          ({total}
          {total > events.length && `, the newest ${events.length} shown; all through GET /api/users/audit`})
        </span>
      </h2>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-500">
          No account has been created or changed in Callboard yet.
        </p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
          {events.map((event) => (
            <li key={event.id} data-user-event={event.kind} className="flex flex-wrap items-baseline gap-x-1 gap-y-1 px-3 py-2">
              <span className="font-medium">{event.actor}</span> <span>{WHAT[event.kind]}</span>{" "}
              <span className="font-medium">{event.targetEmail}</span>{" "}
              {event.detail && <span className="text-slate-600">({event.detail})</span>}
              <span className="ml-auto text-xs text-slate-500">
                <LocalTime value={event.at} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
