/**
 * Text for an iCalendar parameter value (a CN=, say). RFC 5545 lets a quoted parameter value hold anything but a
 * double quote and control characters, and has no escape for either: the `ics` package writes `\"`, which ends the
 * quoted value there for a reader, so a name like `Eve " ;ROLE=CHAIR` would add parameters of its own. RFC 6868's
 * caret encoding carries them instead (`^'` a double quote, `^n` a line break, `^^` a caret); other control
 * characters are dropped.
 */
export function paramText(value: string): string {
  return value
    .replace(/\^/g, "^^")
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, "^n")
    .replace(/\p{Cc}/gu, "");
}
