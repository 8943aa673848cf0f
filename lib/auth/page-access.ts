import type { Permission } from "./permissions";

/** Set by proxy.ts on every page request (overwriting whatever a client sent): the layout's only way to the path. */
export const PAGE_PATH_HEADER = "x-callboard-path";

// Pages only some roles may open. Each page checks again (a client-side navigation renders the page, not the
// layout); the layout's check is what makes the first request of such a page answer 403 instead of 200.
const RESTRICTED_PAGES: readonly [prefix: string, permission: Permission][] = [
  ["/admin", "users:manage"],
  ["/outbox", "audit:read"],
  ["/inbox", "webhooks:inspect"],
];

/** The permission a page path needs beyond signing in, or null. */
export function pagePermission(path: string | null): Permission | null {
  if (!path) return null;
  const found = RESTRICTED_PAGES.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`));
  return found ? found[1] : null;
}
