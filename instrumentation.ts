/**
 * Next runs this once per server process before it serves the first request, whichever way the process was
 * started (`npm start`'s server, `next start`, the standalone `server.js`): Callboard's start-up lives here.
 */
export async function register(): Promise<void> {
  // Not in the edge runtime (proxy.ts), and not while `next build` collects page data.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startCallboardOrExit } = await import("@/lib/server/start-up");
  await startCallboardOrExit();
}
