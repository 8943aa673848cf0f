import fs from "node:fs";
import path from "node:path";

const APP = path.join(import.meta.dirname, "..", "app");

/**
 * Every page of the app as its route pattern ("/", "/candidates/[id]", …), read from the app/ tree like
 * tests/api-permissions.test.ts reads app/api: a page someone adds later is checked without editing the specs.
 * Route groups ("(app)") add no segment; private folders ("_board") and app/api hold no pages.
 */
export function appPages(dir = APP, route = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") found.push(route || "/");
    if (!entry.isDirectory() || entry.name.startsWith("_") || (route === "" && entry.name === "api")) continue;
    const segment = /^\(.+\)$/.test(entry.name) ? "" : `/${entry.name}`;
    found.push(...appPages(path.join(dir, entry.name), `${route}${segment}`));
  }
  return found.sort();
}

/** Pages that answer without a session (sign-in, a candidate's self-service link); the rest are checked signed in. */
export const PUBLIC_PAGES = new Set(["/sign-in", "/i/[token]"]);

/**
 * A URL for a pattern: `samples` fills the dynamic segments it knows; any other segment (a page added later)
 * gets "1", which at least checks the page's not-found or error state until someone adds a sample.
 */
export function sampleUrl(pattern: string, samples: Record<string, string>): string {
  return pattern.replace(
    /\[(\w+)\]/g,
    (_, name: string) => samples[`${pattern.slice(0, pattern.indexOf(`[${name}]`))}[${name}]`] ?? "1",
  );
}
