import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { ADMIN, RECRUITER, ensureRecruiter, sessionFile, signIn } from "./support";

// Once per run: each role signs in through the real form, and the specs reuse the session (storageState).
for (const [role, person] of [
  ["admin", ADMIN],
  ["recruiter", RECRUITER],
] as const) {
  setup(`sign in as ${role}`, async ({ page, request }) => {
    if (role === "recruiter") await ensureRecruiter(request);
    await signIn(page, person);
    fs.mkdirSync(path.dirname(sessionFile(role)), { recursive: true });
    await page.context().storageState({ path: sessionFile(role) });
  });
}
