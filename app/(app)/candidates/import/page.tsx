import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { IMPORT_COLUMNS } from "@/lib/csv/csv-format";
import { env } from "@/lib/env";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import candidates" };

export default async function ImportCandidatesPage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:write")) forbidden();
  const zone = env().INTERVIEW_TIMEZONE;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/" className="text-sm text-slate-700 hover:text-slate-950">
          ← Candidates
        </Link>
        <h1 className="text-xl font-semibold">Import candidates</h1>
        <a
          href="/api/candidates/export"
          download
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 sm:ml-auto"
        >
          Export all candidates (CSV)
        </a>
      </header>
      <section className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
        <p>
          A CSV file with a header row naming the columns <code className="text-xs">{IMPORT_COLUMNS.join(", ")}</code>; name,
          phone and interview_at are required, other columns are ignored (so an export imports back).
        </p>
        <ul className="mt-2 list-disc pl-5 text-slate-700">
          <li>
            <code className="text-xs">interview_at</code>: ISO 8601 with an offset (2026-12-17T11:00:00+05:30), or{" "}
            <code className="text-xs">YYYY-MM-DD HH:mm</code> read in the candidate&apos;s time zone.
          </li>
          <li>
            <code className="text-xs">time_zone</code>: the candidate&apos;s IANA zone (Asia/Kolkata); when empty, the zone of the
            phone&apos;s country, else {zone}. The agent says every time in it.
          </li>
          <li>
            <code className="text-xs">allow_past</code>: <code className="text-xs">yes</code> to import an interview that has
            already taken place (a historical record); otherwise a past interview_at is refused.
          </li>
          <li>
            <code className="text-xs">applied_at</code>: as interview_at, or a date alone; local times read in {zone}.
          </li>
          <li>
            <code className="text-xs">rescheduling_slots</code>: slots of the pool separated by semicolons, each as its start time
            (ISO 8601, or <code className="text-xs">YYYY-MM-DD HH:mm</code> in {zone}) or its id (
            <code className="text-xs">12</code> or <code className="text-xs">#12</code>).
          </li>
          <li>
            Nothing is written until you confirm; then the good rows are imported, a few hundred at a time while the server keeps
            answering, and rows with problems are left out.
          </li>
        </ul>
      </section>
      <ImportForm />
    </main>
  );
}
