import { otherMethods } from "@/lib/http/other-methods";

// The benchmark's baseline (bench/README.md): the cheapest Next route that still reads the webhook's body.
// It answers only when the server was started with BENCH_NOOP_ROUTE=1 (npm run bench does); a 404 otherwise.
export async function POST(request: Request): Promise<Response> {
  if (process.env.BENCH_NOOP_ROUTE !== "1") return new Response(null, { status: 404 });
  await request.text();
  return Response.json({ ok: true });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
