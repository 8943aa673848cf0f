import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second checkout-local build (e.g. for a benchmark) must never be rebuilt under a running server.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native and worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  typedRoutes: true,
};

export default nextConfig;
