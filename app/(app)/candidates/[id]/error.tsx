"use client";

import Link from "next/link";
import { useEffect } from "react";

/** A readable error state instead of a blank page; the digest matches the server's log line. */
export default function CandidateError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="mx-auto flex max-w-7xl flex-col items-start gap-3 p-6">
      <h1 className="text-xl font-semibold">This candidate could not be shown</h1>
      <p role="alert" className="rounded-md bg-rose-50 px-4 py-3 text-sm text-rose-800">
        Something went wrong while loading the page. Try again; if it keeps failing, tell an admin
        {digest ? ` and quote the reference ${digest}` : ""}.
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500">
          Back to the candidates
        </Link>
      </div>
    </main>
  );
}
