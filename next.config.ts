import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./lib/http/security-headers";

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
