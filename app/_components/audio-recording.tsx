"use client";

import { useState } from "react";

/** Only http(s) links are played or offered: the URL arrives in a webhook body. */
function playableUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A call recording. Bolna's recording links are presigned and expire, so a player that cannot load says so
 * instead of sitting there silent.
 */
export function AudioRecording({ url, label }: { url: string | null; label: string }) {
  const [failed, setFailed] = useState(false);
  const src = playableUrl(url);
  if (!src) return <p className="text-sm text-slate-500">No recording</p>;
  return (
    <div className="flex flex-col gap-2">
      {failed ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The recording link has expired or cannot be played
        </p>
      ) : (
        <audio controls preload="none" src={src} aria-label={label} onError={() => setFailed(true)} className="w-full" />
      )}
      <a
        href={src}
        download
        target="_blank"
        rel="noopener noreferrer"
        className="self-start rounded text-sm text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500"
      >
        Download recording
      </a>
    </div>
  );
}
