"use client";

import { useSyncExternalStore } from "react";

type Props = {
  iso: string;
  /** The zone the server rendered in (the interview time zone), used until the browser's zone is known. */
  serverZone: string;
  dateStyle?: "full" | "medium" | "short";
  timeStyle?: "short" | "medium";
};

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant in the viewer's time zone. The server renders it in the interview time zone and the browser
 * re-renders it in its own after hydration; tabular figures keep the width, so rows do not jump.
 */
export function LocalTime({ iso, serverZone, dateStyle = "medium", timeStyle = "short" }: Props) {
  const zone = useSyncExternalStore(subscribe, browserZone, () => serverZone);
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle, timeStyle, timeZone: zone }).format(new Date(iso));
  return (
    <time dateTime={iso} title={`${text} (${zone})`} className="tabular-nums">
      {text}
    </time>
  );
}
