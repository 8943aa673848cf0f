export default function SlotsLoading() {
  return (
    <main className="mx-auto max-w-7xl p-6" aria-busy="true">
      <p className="sr-only">Loading the interview slots…</p>
      <div className="mb-4 h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="mb-4 h-20 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-72 animate-pulse rounded-lg bg-slate-200" />
    </main>
  );
}
