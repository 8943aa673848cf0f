"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A call recording. Bolna's recording links are presigned and expire: the player loads the file's details
 * when the page opens, and one that cannot load says so instead of showing 0:00.
 */
export function AudioRecording({ src, label }: { src: string | null; label: string }) {
  const [failed, setFailed] = useState(false);
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    // The server-rendered player starts loading before React listens: an error may already have happened.
    if (audio.current?.error) setFailed(true);
  }, [src]);
  if (!src) return <p className="text-sm text-slate-600">No recording</p>;
  return (
    <div className="flex flex-col gap-2">
      {failed ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The recording cannot be played: the link has expired or the file is missing
        </p>
      ) : (
        <audio
          ref={audio}
          controls
          preload="metadata"
          src={src}
          aria-label={label}
          onError={() => setFailed(true)}
          className="w-full"
        />
      )}
      <a
        href={src}
        download
        target="_blank"
        rel="noopener noreferrer"
        className="self-start rounded text-sm text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        Download recording
      </a>
    </div>
  );
}
