/** What the self-service page's actions answer (client components import it: nothing server-only here). */
export type SelfServiceState = { ok: boolean; message?: string };

export const idleSelfService: SelfServiceState = { ok: false };
