export type PostOptions = { headers?: Record<string, string>; path?: "/webhook" | "/api/webhook" };

/** POSTs a body (object → JSON, string → as is) to the webhook and returns the status and parsed JSON. */
export async function postWebhook(baseUrl: string, body: unknown, options: PostOptions = {}) {
  const response = await fetch(`${baseUrl}${options.path ?? "/webhook"}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...options.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json: json as Record<string, unknown> & { error?: { code: string; message: string } } };
}
