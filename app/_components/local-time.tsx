"use client";

import { useSyncExternalStore } from "react";

type Precision = "date" | "minute" | "second";

const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  date: { day: "numeric", month: "short", year: "numeric" },
  minute: { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  second: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", second: "2-digit" },
};

// Building an Intl.DateTimeFormat costs far more than formatting with one: a board page shows dozens of times.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(precision: Precision, zone: string, showZone: boolean): Intl.DateTimeFormat {
  const key = `${precision} ${zone} ${showZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      ...OPTIONS[precision],
      timeZone: zone,
      timeZoneName: showZone ? "short" : undefined,
    });
    formats.set(key, format);
  }
  return format;
}

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The viewer's time zone. The server renders `fallbackZone` (INTERVIEW_TIMEZONE) and hydration then switches
 * to the browser's zone, so the server HTML never mismatches and, when both agree, nothing moves.
 */
function useViewerZone(fallbackZone: string): string {
  return useSyncExternalStore(subscribe, browserZone, () => fallbackZone);
}

type Props = {
  value: Date | null;
  /** INTERVIEW_TIMEZONE: what the server renders before the browser's zone is known. */
  fallbackZone: string;
  precision?: Precision;
  /** Adds the zone's short name (e.g. GMT+5:30) to the text. */
  showZone?: boolean;
  className?: string;
};

/** An instant in the viewer's time zone. */
export function LocalTime({ value, fallbackZone, precision = "minute", showZone = false, className }: Props) {
  const zone = useViewerZone(fallbackZone);
  if (!value) return <span className={className}>—</span>;
  const format = formatFor(precision, zone, showZone);
  return (
    <time dateTime={value.toISOString()} title={`${value.toISOString()} (${zone})`} className={`tabular-nums ${className ?? ""}`}>
      {format.format(value)}
    </time>
  );
}

// Aliases (Asia/Kolkata, Asia/Calcutta) name one zone: compare the names this engine resolves them to.
const canonicalZone = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;

/** Says which zone the times on the page are shown in. */
export function ViewerZone({ fallbackZone }: { fallbackZone: string }) {
  const zone = useViewerZone(fallbackZone);
  const same = canonicalZone(zone) === canonicalZone(fallbackZone);
  return (
    <span className="text-xs text-slate-500">
      Times in {same ? fallbackZone : `${zone} (interviews are booked in ${fallbackZone})`}
    </span>
  );
}
