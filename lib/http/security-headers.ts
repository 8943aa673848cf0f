/** Headers every answer carries (next.config.ts sends them for Next; the webhook endpoint sends them itself). */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
} as const;

/** JSON endpoints render nothing: no resource may load in their context. Pages get a nonce policy (proxy.ts). */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
