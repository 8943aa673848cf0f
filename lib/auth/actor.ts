import type { Role } from "@/db/values";

/** Who is acting: a signed-in user, or a machine client holding API_TOKEN. Audit entries name `label`. */
export type Actor =
  { kind: "user"; id: string; label: string; role: Role } | { kind: "token"; id: "api-token"; label: "api-token"; role: "admin" };
