import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends visitors without a session cookie to the sign-in page. This is a convenience, not the check: every
 * page, server action and route handler verifies the session and the permission itself.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request, { cookiePrefix: "callboard" })) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (target !== "/") signIn.searchParams.set("next", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|webhook|sign-in|_next/|favicon.ico).*)"],
};
