"use client";

import { formatInstant, sameClock, type Precision } from "@/lib/time/format";
import { useViewerZone } from "./viewer-zone";

type Props = {
  value: Date | null;
  precision?: Precision;
  className?: string;
};

/** An instant (a call, a delivery, an audit entry) in the viewer's time zone, labelled with it. */
export function LocalTime({ value, precision = "minute", className }: Props) {
  const zone = useViewerZone();
  if (!value) return <span className={className}>—</span>;
  return (
    <time dateTime={value.toISOString()} title={zone} className={`tabular-nums ${className ?? ""}`}>
      {formatInstant(value, zone, precision)}
    </time>
  );
}

/**
 * The same instant on the viewer's clock, when it differs from `zone`'s: "Mon 7 Dec 2026, 22:30 IST your time".
 * Nothing when both clocks agree. `inline`: "(your time 22:30 IST)" after a sentence, the date left out when the
 * viewer's day is the one the sentence names.
 */
export function ViewerTime({
  value,
  zone,
  className,
  inline,
}: {
  value: Date;
  zone: string;
  className?: string;
  inline?: boolean;
}) {
  const viewer = useViewerZone();
  if (sameClock(value, zone, viewer)) return null;
  if (inline) {
    const [theirs, mine] = [formatInstant(value, zone), formatInstant(value, viewer)];
    const sameDay = theirs.slice(0, theirs.indexOf(",")) === mine.slice(0, mine.indexOf(","));
    const shown = sameDay ? mine.slice(mine.indexOf(",") + 2) : mine;
    return (
      <span className={className} data-testid="viewer-time">
        {` (your time ${shown})`}
      </span>
    );
  }
  return (
    <span className={`block text-xs text-slate-600 ${className ?? ""}`} data-testid="viewer-time">
      {formatInstant(value, viewer)} your time
    </span>
  );
}
