/** Every link that cannot be opened ends here, with a 404: what may have happened, and what to do. */
export default function LinkNotUsable() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col gap-4 p-5">
      <p className="text-sm font-semibold tracking-wide text-slate-500">Callboard</p>
      <h1 className="text-xl font-semibold">This link does not work</h1>
      <p className="text-slate-700">It may have:</p>
      <ul className="list-disc pl-5 text-slate-700">
        <li>expired,</li>
        <li>been replaced by a newer link, or withdrawn,</li>
        <li>or been copied incompletely.</li>
      </ul>
      <p className="text-slate-700">
        Nothing has been changed. Please use the newest link you received, or contact the recruiter.
      </p>
    </main>
  );
}
