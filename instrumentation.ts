/**
 * Next runs this once per server process before it serves the first request, whichever way the process was
 * started (`npm start`'s server, `next start`, the standalone `server.js`): Callboard's start-up lives here.
 */
export async function register(): Promise<void> {
  // Not in the edge runtime (proxy.ts), and not while `next build` collects page data.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startCallboard } = await import("@/lib/server/start-up");
  try {
    await startCallboard();
  } catch (error) {
    // A server that cannot start its app must not linger answering 500s: stop, so that the supervisor (systemd's
    // Restart=always, README "Deploy") or the operator sees it.
    console.error("Callboard: start-up failed:", error);
    process.exit(1);
  }
}
