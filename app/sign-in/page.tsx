import type { Metadata } from "next";
import { cookies } from "next/headers";
import { RememberViewerZone } from "@/app/_components/viewer-zone";
import { safeNextPath } from "@/lib/auth/safe-next";
import { viewerZoneFrom } from "@/lib/time/read-viewer-zone";
import { VIEWER_ZONE_COOKIE } from "@/lib/time/viewer-zone";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Checked here too, so that the form never carries a foreign target; the action checks it again.
  const next = safeNextPath([(await searchParams).next].flat()[0]);
  const remembered = viewerZoneFrom((await cookies()).get(VIEWER_ZONE_COOKIE)?.value, "");
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="mb-1 text-xl font-semibold">Callboard</h1>
      <p className="mb-6 text-sm text-slate-500">Sign in to follow interview-confirmation calls.</p>
      <SignInForm next={next === "/" ? undefined : next} />
      {/* So that the first page after signing in shows times on this browser's clock from its first paint. */}
      <RememberViewerZone remembered={remembered.remembered} />
    </main>
  );
}
