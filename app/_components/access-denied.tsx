export function AccessDenied() {
  return (
    <main className="mx-auto max-w-7xl p-6">
      <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
        Your role does not give access to this page. Ask an admin if you need it.
      </p>
    </main>
  );
}
