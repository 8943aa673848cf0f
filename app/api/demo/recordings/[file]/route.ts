import { demoRecordingId, demoRecordingWav } from "@/lib/demo/recording-audio";
import { env } from "@/lib/env";
import { notFound } from "@/lib/http/api-error";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * Demo mode only: the recording of a simulated call, generated on the fly (lib/demo/recording-audio.ts). With a
 * real Bolna account recordings are Bolna's own links and this answers 404.
 */
export const GET = withPermission<{ file: string }>("candidates:read", ({ params }) => {
  const id = demoRecordingId(params.file);
  if (!env().demoMode || !id) throw notFound("Recording");
  return new Response(demoRecordingWav(id), {
    headers: { "content-type": "audio/wav", "cache-control": "private, max-age=86400" },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
