"use client";

export default function InboxError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-7xl p-6">
      <div role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-900 ring-1 ring-rose-200">
        <h1 className="mb-1 font-semibold">The webhook inbox cannot be shown right now.</h1>
        <p>
          The database did not answer. Nothing was changed.
          {error.digest && <span className="block text-xs text-rose-700">Reference: {error.digest}</span>}
        </p>
        <button type="button" onClick={reset} className="mt-3 rounded-md bg-rose-700 px-3 py-1.5 text-white hover:bg-rose-600">
          Try again
        </button>
      </div>
    </main>
  );
}
