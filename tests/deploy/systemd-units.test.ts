import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DEPLOY = path.resolve(import.meta.dirname, "..", "..", "deploy");
const UNITS = ["callboard.service", "callboard-backup.service", "callboard-backup.timer"];
const ANALYZE = "/usr/bin/systemd-analyze";
const available = fs.existsSync(ANALYZE);
if (!available) console.warn(`systemd-units.test.ts skipped: ${ANALYZE} is not installed (package systemd).`);

/** Where this machine has an executable the units name by Debian's path (npm is elsewhere on some images). */
function localPath(command: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${path.basename(command)}`], { encoding: "utf8" }).stdout.trim();
  return found || command;
}

describe.skipIf(!available)("deploy/*.service and *.timer", () => {
  it("pass systemd-analyze verify: no unknown keys, no unparsable values", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-units-"));
    try {
      for (const unit of UNITS) {
        const text = fs
          .readFileSync(path.join(DEPLOY, unit), "utf8")
          .replaceAll("/usr/bin/npm", localPath("/usr/bin/npm"))
          .replaceAll("/usr/bin/find", localPath("/usr/bin/find"))
          .replaceAll("/usr/bin/node", localPath("/usr/bin/node"));
        fs.writeFileSync(path.join(dir, unit), text);
      }
      const result = spawnSync(ANALYZE, ["verify", "--man=no", ...UNITS.map((unit) => `./${unit}`)], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(`${result.stdout}${result.stderr}`).toBe("");
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("run the service as its own user, restarted always, with only the data directory writable", () => {
    const service = fs.readFileSync(path.join(DEPLOY, "callboard.service"), "utf8");
    for (const line of [
      "User=callboard",
      "Restart=always",
      "Environment=NODE_ENV=production",
      "Environment=HOSTNAME=127.0.0.1",
      "Environment=TRUSTED_PROXY_HOPS=1",
      "Environment=TRUSTED_PROXIES=127.0.0.1",
      "ExecStartPost=/usr/bin/node /opt/callboard/deploy/wait-until-ready.mjs",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ReadWritePaths=/var/lib/callboard",
      "PrivateTmp=yes",
    ]) {
      expect(service.split("\n")).toContain(line);
    }
    expect(fs.readFileSync(path.join(DEPLOY, "callboard-backup.service"), "utf8")).toContain(
      "ExecStart=/usr/bin/npm run db:backup",
    );
  });
});
