export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl p-6" aria-busy="true">
      <p className="sr-only">Loading…</p>
      <div className="mb-4 h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="mb-4 grid grid-cols-3 gap-2 md:grid-cols-7">
        {Array.from({ length: 7 }, (_, index) => (
          <div key={index} className="h-10 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-lg bg-slate-200" />
    </main>
  );
}
