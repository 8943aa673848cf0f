import { ensureBuild } from "../../scripts/ensure-build";

/**
 * One production build before any test starts a server (a no-op when the build is current).
 * `SKIP_BUILD=1` skips it when only in-process tests are run.
 */
export default async function setup() {
  if (process.env.SKIP_BUILD !== "1") await ensureBuild();
}
