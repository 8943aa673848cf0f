import { cookies, headers } from "next/headers";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ViewerZoneProvider } from "@/app/_components/viewer-zone";
import { getDb } from "@/db/client";
import { PAGE_PATH_HEADER, pagePermission } from "@/lib/auth/page-access";
import { viewerZoneFrom } from "@/lib/time/read-viewer-zone";
import { VIEWER_ZONE_COOKIE } from "@/lib/time/viewer-zone";
import { signOut } from "@/app/sign-in/actions";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { countOpenReviews } from "@/lib/review/list-reviews";
import { countOpenUnmatched } from "@/lib/webhook/inbox";
import { InsightLinks } from "./_nav/insight-links";

const navLink =
  "shrink-0 whitespace-nowrap rounded px-1 py-0.5 text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-sky-600";

function InboxLink({ open }: { open: number }) {
  return (
    <Link href="/inbox" className={`inline-flex items-center gap-1 ${navLink}`}>
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
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  // Here, before anything is sent, a page the role may not open still gets its 403 status.
  const needed = pagePermission(requestHeaders.get(PAGE_PATH_HEADER));
  if (needed && !can(actor.role, needed)) forbidden();
  const viewer = viewerZoneFrom(cookieStore.get(VIEWER_ZONE_COOKIE)?.value, env().INTERVIEW_TIMEZONE);
  return (
    <ViewerZoneProvider {...viewer}>
      <div className="min-h-screen">
        <a
          href="#main-content"
          className="sr-only rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to main content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 text-sm sm:px-6">
            <Link href="/" className="text-base font-semibold text-slate-900">
              Callboard
            </Link>
            {/* On a phone: one line that scrolls sideways, so that the page's own content starts on the first screen. */}
            <nav
              aria-label="Main"
              className="relative order-3 -mx-4 flex w-[calc(100%+2rem)] items-center gap-x-5 overflow-x-auto px-4 pb-1 md:order-none md:mx-0 md:w-auto md:flex-wrap md:overflow-visible md:px-0 md:pb-0"
            >
              <Link href="/" className={navLink}>
                Candidates
              </Link>
              <Link href="/slots" className={navLink}>
                Slots
              </Link>
              <Link href="/batches" className={navLink}>
                Batches
              </Link>
              <InsightLinks waiting={countOpenReviews(getDb())} className={navLink} />
              {can(actor.role, "webhooks:inspect") && <InboxLink open={countOpenUnmatched(getDb())} />}
              {can(actor.role, "audit:read") && (
                <Link href="/outbox" className={navLink}>
                  Outbox
                </Link>
              )}
              {can(actor.role, "users:manage") && (
                <Link href="/admin/users" className={navLink}>
                  Users
                </Link>
              )}
              {env().demoMode && (
                <span className="shrink-0 whitespace-nowrap rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                  Demo mode: calls are simulated
                </span>
              )}
            </nav>
            <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
              <Link href="/account" className={`min-w-0 truncate ${navLink}`} title={actor.label}>
                <span className="sm:hidden">Account</span>
                <span className="max-sm:sr-only">{actor.label}</span>
              </Link>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700" data-testid="role">
                {actor.role}
              </span>
              <form action={signOut}>
                <button type="submit" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-950">
                  Sign out
                </button>
              </form>
            </div>
          </div>
        </header>
        {/* The skip link's target: the page's own <main> follows. */}
        <div id="main-content" tabIndex={-1} className="outline-none" />
        {children}
      </div>
    </ViewerZoneProvider>
  );
}
