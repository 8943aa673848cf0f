function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-lg bg-slate-200/70 ${className}`} />;
}

export default function CandidateLoading() {
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-6 p-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading the candidate…
      </p>
      <div className="flex flex-col gap-2">
        <Block className="h-4 w-24" />
        <Block className="h-7 w-64" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
        <Block className="h-44" />
        <Block className="h-44" />
      </div>
      <Block className="h-6 w-32" />
      <Block className="h-80" />
    </main>
  );
}
