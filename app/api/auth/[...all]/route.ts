import { getAuth, withClientAddress } from "@/lib/auth/auth";
import { otherMethods } from "@/lib/http/other-methods";

// better-auth's own endpoints (sign-in, sign-out, change-password, …); it checks Origin on its writes itself.
export const GET = (request: Request) => getAuth().handler(withClientAddress(request));
export const POST = (request: Request) => getAuth().handler(withClientAddress(request));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
