import { getDb } from "@/db/client";
import { AccessDenied } from "@/app/_components/access-denied";
import { LocalTime } from "@/app/_components/local-time";
import { requireActor } from "@/lib/auth/current-actor";
import { listUsers } from "@/lib/auth/manage-users";
import { can } from "@/lib/auth/permissions";
import { listUserEvents } from "@/lib/auth/user-events";
import { env } from "@/lib/env";
import { AddUserForm } from "./add-user-form";
import { UnlockButton } from "./unlock-button";
import { UserEventsList } from "./user-events-list";
import { UserRowControls } from "./user-row-controls";

export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor.role, "users:manage")) return <AccessDenied />;
  const db = getDb();
  const users = listUsers(db);
  const { events, total } = listUserEvents(db, { page: 1, pageSize: 50 });
  const zone = env().INTERVIEW_TIMEZONE;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 p-6">
      <h1 className="text-xl font-semibold">Users</h1>
      <AddUserForm />
      {/* Wide on a phone: the table scrolls within its box instead of pushing the page sideways. */}
      <div className="overflow-x-auto rounded-lg shadow-sm ring-1 ring-slate-200">
        <table className="w-full bg-white text-sm">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">State</th>
              <th className="px-3 py-2">Change</th>
            </tr>
          </thead>
          <tbody>
            {users.map((person) => (
              <tr key={person.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{person.name}</td>
                <td className="px-3 py-2">{person.email}</td>
                <td className="px-3 py-2">{person.role}</td>
                <td className="px-3 py-2">
                  {person.banned ? "Deactivated" : "Active"}
                  {person.lockedUntil && (
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
                      <span>
                        Sign-in locked until <LocalTime value={person.lockedUntil} fallbackZone={zone} showZone />
                      </span>
                      <UnlockButton userId={person.id} email={person.email} />
                    </div>
                  )}
                </td>
                <td className="px-3 py-2">
                  <UserRowControls userId={person.id} email={person.email} role={person.role} active={!person.banned} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <UserEventsList events={events} total={total} zone={zone} />
    </main>
  );
}
