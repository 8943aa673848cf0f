import { env } from "@/lib/env";
import { buildAllowlist, isAllowed, type Allowlist } from "./allowlist";
import { resolveSender } from "./client-ip";
import type { Peer } from "./peer-stamp";

export type SenderVerdict = { ok: true; ip: string } | { ok: false; ip: string | null; reason: string };

let allowlist: Allowlist | undefined;

/** The webhook's sender rule, shared by the custom server (cheap early refusal) and the route handler. */
export function checkSender(peer: Peer | null): SenderVerdict {
  const config = env();
  allowlist ??= buildAllowlist(config.BOLNA_WEBHOOK_IPS, config.WEBHOOK_ALLOW_LOOPBACK);
  const sender = resolveSender(peer, config.TRUSTED_PROXY_HOPS);
  if (!sender.ok) return sender;
  return isAllowed(sender.ip, allowlist) ? sender : { ok: false, ip: sender.ip, reason: "not on the allowlist" };
}
