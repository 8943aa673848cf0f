import { getDb } from "@/db/client";
import Link from "next/link";
import { signOut } from "@/app/sign-in/actions";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { countOpenReviews } from "@/lib/review/list-reviews";
import { countOpenUnmatched } from "@/lib/webhook/inbox";
import { InsightLinks } from "./_nav/insight-links";

function InboxLink({ open }: { open: number }) {
  return (
    <Link href="/inbox" className="inline-flex items-center gap-1 text-slate-600 hover:text-slate-900">
      Inbox
      {open > 0 && (
        <span className="rounded-full bg-amber-100 px-1.5 text-xs font-medium text-amber-900">
          {open}
          <span className="sr-only"> unmatched deliveries</span>
        </span>
      )}
    </Link>
  );
}

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3 text-sm">
          <Link href="/" className="text-base font-semibold text-slate-900">
            Callboard
          </Link>
          <Link href="/" className="text-slate-600 hover:text-slate-900">
            Candidates
          </Link>
          <Link href="/slots" className="text-slate-600 hover:text-slate-900">
            Slots
          </Link>
          <Link href="/batches" className="text-slate-600 hover:text-slate-900">
            Batches
          </Link>
          <InsightLinks waiting={countOpenReviews(getDb())} />
          {can(actor.role, "webhooks:inspect") && <InboxLink open={countOpenUnmatched(getDb())} />}
          {can(actor.role, "users:manage") && (
            <Link href="/admin/users" className="text-slate-600 hover:text-slate-900">
              Users
            </Link>
          )}
          {env().demoMode && (
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
              Demo mode: calls are simulated
            </span>
          )}
          <div className="ml-auto flex items-center gap-3">
            <Link href="/account" className="text-slate-600 hover:text-slate-900">
              {actor.label}
            </Link>
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600" data-testid="role">
              {actor.role}
            </span>
            <form action={signOut}>
              <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
                Sign out
              </button>
            </form>
          </div>
        </nav>
      </header>
      {children}
    </div>
  );
}
