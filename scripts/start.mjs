// `npm start`: scripts/start.ts and the lib/ files it imports, bundled into one plain module and run. Run through
// tsx instead (`node --import tsx`), the server kept tsx's module-loader thread for its whole life: 25–37 MB of
// RSS for a loader with nothing left to load. Packages stay outside the bundle, named by their absolute URL so
// that the module runs from the temporary folder (the systemd unit's code folder is read-only); it is deleted
// once loaded. `npm run dev` still runs start.ts through tsx.
import { build, stop } from "esbuild";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Bare imports (packages, builtins): resolved from this folder, as Node would resolve them for start.ts. */
const packagesByUrl = {
  name: "packages-by-url",
  setup(build) {
    // The `@/` of tsconfig.json's paths is the app's own code, bundled.
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
      specifier.startsWith("@/") ? undefined : { path: import.meta.resolve(specifier), external: true },
    );
  },
};

const { outputFiles } = await build({
  entryPoints: [fileURLToPath(new URL("start.ts", import.meta.url))],
  bundle: true,
  write: false,
  platform: "node",
  format: "esm",
  target: "node20",
  plugins: [packagesByUrl],
  logLevel: "warning",
});
// esbuild's service process is not needed again.
await stop();
const file = path.join(os.tmpdir(), `callboard-start-${process.pid}-${crypto.randomBytes(4).toString("hex")}.mjs`);
fs.writeFileSync(file, outputFiles[0].contents, { mode: 0o600, flag: "wx" });
// Also when the server stops while it loads (an invalid environment ends the process from inside the import).
const remove = () => fs.rmSync(file, { force: true });
process.once("exit", remove);
try {
  await import(pathToFileURL(file).href);
} finally {
  remove();
  process.off("exit", remove);
}
