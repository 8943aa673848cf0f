import type { NextConfig } from "next";

// `npm start`'s server hands Next the config its build resolved from this file (scripts/start.ts): left to Next,
// reading a next.config.ts loads its SWC compiler into every server process (about 25 MB, for as long as it runs).

/** Headers every answer carries. */
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** JSON endpoints render nothing: no resource may load in their context. Pages get a nonce policy (proxy.ts). */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second checkout-local build (e.g. for a benchmark) must never be rebuilt under a running server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  typedRoutes: true,
  experimental: {
    // Backstops behind proxy.ts, which refuses bigger page POSTs first (lib/http/page-form.ts: 16 KiB on the
    // sign-in page, 128 KiB elsewhere). Next buffers the body of every request the proxy sees up to
    // proxyClientMaxBodySize (10 MB by default): kept a socket chunk or more above the largest cap, so that an
    // oversized body still reads as oversized there.
    serverActions: { bodySizeLimit: "128kb" },
    proxyClientMaxBodySize: "256kb",
    // forbidden(): a page a role may not open answers 403 (app/forbidden.tsx), not a 200 saying so.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
