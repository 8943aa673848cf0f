import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { LocalTime } from "@/app/_components/local-time";
import { requireActor } from "@/lib/auth/current-actor";
import { listUsers } from "@/lib/auth/manage-users";
import { can } from "@/lib/auth/permissions";
import { listUserEvents } from "@/lib/auth/user-events";
import { AddUserForm } from "./add-user-form";
import { UnlockButton } from "./unlock-button";
import { UserEventsList } from "./user-events-list";
import { UserRowControls } from "./user-row-controls";

export const metadata: Metadata = { title: "Users" };

const cell = "md:px-3 md:py-2";

export default async function UsersPage() {
  const actor = await requireActor();
  if (!can(actor.role, "users:manage")) forbidden();
  const db = getDb();
  const users = listUsers(db);
  const { events, total } = listUserEvents(db, { page: 1, pageSize: 50 });
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 px-4 py-6 sm:px-6">
      <h1 className="text-xl font-semibold">Users</h1>
      <AddUserForm />
      <table className="block w-full rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200 md:table">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
          <tr>
            <th className="px-3 py-2">Name</th>
            <th className="px-3 py-2">Email</th>
            <th className="px-3 py-2">Role</th>
            <th className="px-3 py-2">State</th>
            <th className="px-3 py-2">Change</th>
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {users.map((person) => (
            <tr
              key={person.id}
              className="flex flex-col gap-1 border-t border-slate-200 p-3 first:border-t-0 md:table-row md:p-0"
            >
              <td className={`font-medium md:font-normal ${cell}`}>{person.name}</td>
              <td className={`break-all ${cell}`}>{person.email}</td>
              <td className={cell}>{person.role}</td>
              <td className={cell}>
                {person.banned ? "Deactivated" : "Active"}
                {person.lockedUntil && (
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
                    <span>
                      Sign-in locked until <LocalTime value={person.lockedUntil} />
                    </span>
                    <UnlockButton userId={person.id} email={person.email} />
                  </div>
                )}
              </td>
              <td className={cell}>
                <UserRowControls userId={person.id} email={person.email} role={person.role} active={!person.banned} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <UserEventsList events={events} total={total} />
    </main>
  );
}
