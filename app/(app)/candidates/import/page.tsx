import Link from "next/link";
import { AccessDenied } from "@/app/_components/access-denied";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { IMPORT_COLUMNS } from "@/lib/csv/csv-format";
import { env } from "@/lib/env";
import { ImportForm } from "./import-form";

export default async function ImportCandidatesPage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:write")) return <AccessDenied />;
  const zone = env().INTERVIEW_TIMEZONE;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 p-6">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/" className="text-sm text-slate-500 hover:text-slate-900">
          ← Candidates
        </Link>
        <h1 className="text-xl font-semibold">Import candidates</h1>
        <a
          href="/api/candidates/export"
          download
          className="ml-auto rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          Export all candidates (CSV)
        </a>
      </header>
      <section className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
        <p>
          A CSV file with a header row naming the columns <code className="text-xs">{IMPORT_COLUMNS.join(", ")}</code>; name,
          phone and interview_at are required, other columns are ignored (so an export imports back).
        </p>
        <ul className="mt-2 list-disc pl-5 text-slate-600">
          <li>
            <code className="text-xs">interview_at</code>, <code className="text-xs">applied_at</code>: ISO 8601 with an offset
            (2025-12-12T11:00:00+05:30), or <code className="text-xs">YYYY-MM-DD HH:mm</code> read in {zone}.
          </li>
          <li>
            <code className="text-xs">rescheduling_slots</code>: slots of the pool separated by semicolons, each as its start time
            (as above) or its id (<code className="text-xs">12</code> or <code className="text-xs">#12</code>).
          </li>
          <li>
            Nothing is written until you confirm; then the good rows are imported together, and rows with problems are left out.
          </li>
        </ul>
      </section>
      <ImportForm />
    </main>
  );
}
