import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second checkout-local build (e.g. for a benchmark) must never be rebuilt under a running server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  typedRoutes: true,
  // `npm test` runs `tsc --noEmit` over the whole project (tests included) first; checking again here only
  // slows every build down.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    const everywhere = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ];
    return [
      { source: "/:path*", headers: everywhere },
      // JSON endpoints render nothing: no resource may load in their context. Pages get a nonce policy (proxy.ts).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
