import { readBytesCapped } from "./read-body";

/**
 * The largest body a POST to a page may have — every such POST is a server action (sent by JavaScript, or by a
 * form submitted before JavaScript ran). Sizes are per page: signing in sends an email and a password; the
 * largest signed-in form is a batch of up to 300 ticked candidates (about 40 KB of multipart). Nothing bigger is
 * read: next.config.mjs sets Next's own limits just above these.
 */
const MAX_PAGE_POST_BYTES = { signIn: 16 * 1024, signedIn: 128 * 1024 } as const;

const limitFor = (pathname: string) => (pathname === "/sign-in" ? MAX_PAGE_POST_BYTES.signIn : MAX_PAGE_POST_BYTES.signedIn);

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Next decodes a POST to a page itself and answers a body past its size limit, or a multipart body it cannot
 * read, with a 500. Such a client error gets its 4xx here, before Next sees it; null lets the request through.
 */
export async function refuseUnreadableForm(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  const limit = limitFor(new URL(request.url).pathname);
  const body = await readBytesCapped(request.clone(), limit);
  if (!body.ok) return plain(413, `The form is larger than ${limit / 1024} KiB.`);
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) return null;
  try {
    await new Response(body.bytes, { headers: { "content-type": type } }).formData();
    return null;
  } catch {
    return plain(400, "The form data could not be read.");
  }
}
