/** The one error shape of every route handler: `{"error": {"code", "message"}}`. */
export function apiError(status: number, code: string, message: string, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message } }, { status, headers });
}
