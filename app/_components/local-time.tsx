"use client";

import { useSyncExternalStore } from "react";
import { formatInstant, sameClock, type Precision } from "@/lib/time/format";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The viewer's time zone. The server renders with `fallbackZone` (INTERVIEW_TIMEZONE) and hydration then
 * switches to the browser's zone, so the server HTML never mismatches.
 */
function useViewerZone(fallbackZone: string): string {
  return useSyncExternalStore(subscribe, browserZone, () => fallbackZone);
}

/** Null on the server, the browser's zone after hydration: for text that exists only in the browser. */
function useBrowserZone(): string | null {
  return useSyncExternalStore(subscribe, browserZone, () => null);
}

type Props = {
  value: Date | null;
  /** INTERVIEW_TIMEZONE: what the server renders before the browser's zone is known. */
  fallbackZone: string;
  precision?: Precision;
  className?: string;
};

/** An instant (a call, a delivery, an audit entry) in the viewer's time zone, labelled with it. */
export function LocalTime({ value, fallbackZone, precision = "minute", className }: Props) {
  const zone = useViewerZone(fallbackZone);
  if (!value) return <span className={className}>—</span>;
  return (
    <time dateTime={value.toISOString()} title={zone} className={`tabular-nums ${className ?? ""}`}>
      {formatInstant(value, zone, precision)}
    </time>
  );
}

/**
 * The same instant on the viewer's clock, when it differs from `zone`'s: "(10:30 CET your time)". Nothing on
 * the server, nothing when both clocks agree.
 */
export function ViewerTime({ value, zone, className }: { value: Date; zone: string; className?: string }) {
  const viewer = useBrowserZone();
  if (!viewer || sameClock(value, zone, viewer)) return null;
  return (
    <span className={`block text-xs text-slate-600 ${className ?? ""}`} data-testid="viewer-time">
      {formatInstant(value, viewer)} your time
    </span>
  );
}
