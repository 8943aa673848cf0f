const HOME = "/";
const BASE = new URL("http://callboard.invalid/");

/**
 * Where to go after signing in: `next` only when it resolves to a path on Callboard's own origin, else the
 * board. It is resolved the way a browser resolves a Location header — tabs and line breaks dropped, `\` read
 * as `/`, dot segments removed — so `/\evil.test`, `/\t/evil.test`, `/.//evil.test`, `//evil.test`,
 * `https:…` and `javascript:…` all stay home. The result is the re-serialised path, never the raw input.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2048 || !next.startsWith("/")) return HOME;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return HOME;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes (or a slash and a backslash) would be read as another host.
  if (url.origin !== BASE.origin || !path.startsWith("/") || /^\/[/\\]/.test(path)) return HOME;
  return path;
}
