/** Pages show only the start of a long webhook body: the whole of it is a download (admins only). */
export function WholeBodyLink({ eventId, bytes }: { eventId: number; bytes: number | null }) {
  return (
    <p className="text-xs text-slate-600">
      Only the start is shown{bytes !== null && ` (the body is ${bytes.toLocaleString("en-US")} bytes)`}.{" "}
      <a href={`/api/webhook-events/${eventId}/raw`} download className="text-sky-700 underline">
        Download the whole body
      </a>
    </p>
  );
}
