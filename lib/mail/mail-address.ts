/** The bare address of `Name <address>` or `address` (MAIL_FROM may be either). */
export function bareAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();
}
