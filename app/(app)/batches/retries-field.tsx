/** Issue #14: how many times Bolna retries each call of the batch that does not reach the candidate. */
export function RetriesField({ error }: { error?: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      Bolna retries
      <select name="retries" defaultValue="" className="w-44 rounded-md border border-slate-300 px-2 py-1">
        <option value="">As configured</option>
        <option value="0">None</option>
        <option value="1">1 retry</option>
        <option value="2">2 retries</option>
        <option value="3">3 retries</option>
      </select>
      {error && <span className="text-xs text-rose-700">{error}</span>}
    </label>
  );
}
