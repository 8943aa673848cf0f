import { demoRecordingPath } from "@/lib/demo/recording-audio";

/**
 * What the browser's player loads for a call's recording: an http(s) link as Bolna sent it (the URL arrives in a
 * webhook body, so nothing else is played), or, in demo mode, the simulator's recording as a same-origin path
 * (the page's content security policy plays media from 'self').
 */
export function recordingSrc(url: string | null, demoMode: boolean): string | null {
  if (!url) return null;
  const demoPath = demoMode ? demoRecordingPath(url) : null;
  if (demoPath) return demoPath;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}
