import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/auth/page-access";
import { refuseUnreadableForm } from "@/lib/http/page-form";
import { isSameOrigin } from "@/lib/http/same-origin";

function contentSecurityPolicy(nonce: string): string {
  // Next's own inline scripts carry the nonce; 'strict-dynamic' lets the chunks they load run. Recordings are
  // presigned https URLs on Bolna's storage.
  const devEval = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devEval}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' https:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Pages only: refuses a POST (a server action) from another site with 403 — Next would answer it with a 500 —
 * or past its size (413), sets a per-request content security policy, sends visitors without a session cookie to
 * the sign-in page, and refuses form posts Next cannot read. The redirect is a convenience, not the check: every
 * page, server action and route handler verifies the session and the permission itself.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (request.method === "POST" && !isSameOrigin(request)) {
    return new NextResponse("Cross-site form posts are refused.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const refused = await refuseUnreadableForm(request);
  if (refused) return refused;
  // /i/…: the candidate's self-service page, opened with the token in its path, not a session.
  if (pathname !== "/sign-in" && !pathname.startsWith("/i/") && !getSessionCookie(request, { cookiePrefix: "callboard" })) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(PAGE_PATH_HEADER, pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Exact names: everything under /api/ and /_next/static/ and /_next/image/, and the paths /webhook (served ahead of
// Next, or by its route file) and /favicon.ico — not every path that merely starts with those letters.
export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image(?:/|$)|webhook$|favicon\\.ico$).*)"],
};
