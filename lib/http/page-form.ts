import { readBytesCapped } from "./read-body";

// Next's default `serverActions.bodySizeLimit`: no form of this app comes near it.
const MAX_FORM_BYTES = 1024 * 1024;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * Next decodes a multipart POST to a page itself, as a server action (sent by JavaScript, or by a form submitted
 * before JavaScript ran), and answers a body that is not multipart, or past its size limit, with a 500. Such a
 * client error gets its 4xx here, before Next sees it; null lets the request through untouched.
 */
export async function refuseUnreadableForm(request: Request): Promise<Response | null> {
  const type = request.headers.get("content-type") ?? "";
  if (request.method !== "POST" || !/^multipart\/form-data\b/i.test(type)) return null;
  const body = await readBytesCapped(request.clone(), MAX_FORM_BYTES);
  if (!body.ok) return plain(413, "The form is larger than 1 MB.");
  try {
    await new Response(body.bytes, { headers: { "content-type": type } }).formData();
    return null;
  } catch {
    return plain(400, "The form data could not be read.");
  }
}
