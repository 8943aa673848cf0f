"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type ChangeBatch = { lastId: number; kinds: string[]; candidateIds: number[] };
type Props = {
  /** On a candidate's page: refresh only for that candidate (and slot changes). */
  candidateId?: number;
};
type Mode = "connecting" | "live" | "reconnecting" | "polling";

const DEBOUNCE_MS = 150;
const FALLBACK_AFTER_MS = 10_000;
const FALLBACK_POLL_MS = 15_000;

const LABELS: Record<Mode, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  polling: "Offline: refreshing every 15 s",
};

/**
 * Keeps server-rendered pages current: a Server-Sent Events stream says what changed, and a debounced
 * router.refresh() re-renders the page on the server while keeping the viewer's filters, focus and scroll.
 * When the stream stays down, a slow poll takes over until it is back.
 */
export function LiveUpdates({ candidateId }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("connecting");
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const source = new EventSource("/api/live");
    let downSince: number | null = null;
    let poll: ReturnType<typeof setInterval> | undefined;
    const refresh = () => {
      clearTimeout(refreshTimer.current);
      refreshTimer.current = setTimeout(() => router.refresh(), DEBOUNCE_MS);
    };
    source.addEventListener("ready", () => {
      downSince = null;
      clearInterval(poll);
      poll = undefined;
      setMode("live");
    });
    source.addEventListener("change", (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as ChangeBatch;
      const relevant = candidateId === undefined || batch.candidateIds.includes(candidateId) || batch.kinds.includes("slot");
      if (relevant) refresh();
    });
    source.addEventListener("error", () => {
      downSince ??= Date.now();
      if (Date.now() - downSince < FALLBACK_AFTER_MS) {
        setMode("reconnecting");
      } else if (!poll) {
        setMode("polling");
        poll = setInterval(() => router.refresh(), FALLBACK_POLL_MS);
      }
    });
    return () => {
      source.close();
      clearInterval(poll);
      clearTimeout(refreshTimer.current);
    };
  }, [router, candidateId]);

  const dot = mode === "live" ? "bg-emerald-500" : mode === "polling" ? "bg-rose-500" : "bg-amber-400";
  return (
    <span
      role="status"
      aria-live="polite"
      data-live-mode={mode}
      className="inline-flex items-center gap-1.5 text-xs text-slate-600"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} />
      {LABELS[mode]}
    </span>
  );
}
