import Link from "next/link";

export default function CandidateNotFound() {
  return (
    <main className="mx-auto flex max-w-7xl flex-col items-start gap-3 p-6">
      <h1 className="text-xl font-semibold">Candidate not found</h1>
      <p className="text-sm text-slate-600">There is no candidate with this id. They may have been deleted.</p>
      <Link
        href="/"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
      >
        Back to the candidates
      </Link>
    </main>
  );
}
