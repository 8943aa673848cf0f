function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <span className="text-slate-600">—</span>;
  if (typeof value === "object") {
    return (
      <pre className="whitespace-pre-wrap break-words rounded bg-slate-50 p-1.5 font-mono text-xs text-slate-800">
        {JSON.stringify(value, null, 2)}
      </pre>
    );
  }
  return <>{String(value)}</>;
}

/** What Bolna's post-call extraction found; its keys depend on the agent, so they are shown as they come. */
export function ExtractedData({ data }: { data: Record<string, unknown> | null }) {
  const entries = data ? Object.entries(data) : [];
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing extracted yet.</p>;
  return (
    <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs leading-5 text-slate-600">{key}</dt>
          <dd className="min-w-0">
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
