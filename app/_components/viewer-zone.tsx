"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { zoneLabel } from "@/lib/time/format";
import { VIEWER_ZONE_COOKIE, type ViewerZone } from "@/lib/time/viewer-zone";

const ViewerZoneContext = createContext<string>("UTC");

const ONE_YEAR = 365 * 24 * 3600;

/** Writes the browser's zone into the cookie the server reads; true when it differs from what the cookie said. */
function rememberBrowserZone(remembered: string): boolean {
  const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!browser || browser === remembered) return false;
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${VIEWER_ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=${ONE_YEAR}; samesite=lax${secure}`;
  return true;
}

/**
 * The viewer's zone for every time shown "in your zone", as the server read it from the cookie: server HTML and
 * hydration agree, so nothing switches after the first paint. When the browser is elsewhere (a first visit, a
 * journey), the cookie is corrected and the page rendered again once.
 */
export function ViewerZoneProvider({ zone, remembered, children }: ViewerZone & { children: ReactNode }) {
  const router = useRouter();
  useEffect(() => {
    if (rememberBrowserZone(remembered)) router.refresh();
  }, [remembered, router]);
  return <ViewerZoneContext value={zone}>{children}</ViewerZoneContext>;
}

/** On pages that show no times (signing in): only remembers the browser's zone for the pages that follow. */
export function RememberViewerZone({ remembered }: { remembered: string }) {
  useEffect(() => {
    rememberBrowserZone(remembered);
  }, [remembered]);
  return null;
}

export function useViewerZone(): string {
  return useContext(ViewerZoneContext);
}

/** The viewer's zone, for a heading that says which zone its times are in: "IST" (title: Asia/Kolkata). */
export function ViewerZoneName() {
  const zone = useViewerZone();
  return <abbr title={zone}>{zoneLabel(new Date(), zone)}</abbr>;
}
