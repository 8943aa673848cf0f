import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getDb } from "@/db/client";
import { DataTable } from "@/app/_components/data-table";
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
      <DataTable
        name={{ caption: "Users" }}
        rows={users}
        rowKey={(person) => person.id}
        columns={[
          { header: "Name", cell: (person) => person.name, className: "font-medium md:font-normal" },
          { header: "Email", cell: (person) => person.email, className: "break-all" },
          { header: "Role", cell: (person) => person.role },
          {
            header: "State",
            cell: (person) => (
              <>
                {person.banned ? "Deactivated" : "Active"}
                {person.lockedUntil && (
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-900">
                    <span>
                      Sign-in locked until <LocalTime value={person.lockedUntil} />
                    </span>
                    <UnlockButton userId={person.id} email={person.email} />
                  </div>
                )}
              </>
            ),
          },
          {
            header: "Change",
            cell: (person) => (
              <UserRowControls userId={person.id} email={person.email} role={person.role} active={!person.banned} />
            ),
          },
        ]}
      />
      <UserEventsList events={events} total={total} />
    </main>
  );
}
