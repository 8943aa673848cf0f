import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "./actor";
import { resolveActor } from "./resolve-actor";

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await resolveActor(await headers());
  if (!actor) redirect("/sign-in");
  return actor;
}
