import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and worker-thread packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  typedRoutes: true,
};

export default nextConfig;
