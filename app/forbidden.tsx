import Link from "next/link";

/** A page the signed-in role may not open: answered with 403 (forbidden() in the layout or the page). */
export default function Forbidden() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-3 p-6">
      <h1 className="text-xl font-semibold">You cannot open this page</h1>
      <p role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
        Your role does not give access to this page. Ask an admin if you need it.
      </p>
      <Link href="/" className="self-start text-sm font-medium text-sky-800 underline underline-offset-2">
        Back to the candidates
      </Link>
    </main>
  );
}
