import { env } from "@/lib/env";
import { buildAllowlist, isAllowed, type Allowlist } from "./allowlist";
import { resolveSender, type Peer } from "./client-ip";

export type SenderVerdict = { ok: true; ip: string } | { ok: false; ip: string | null; reason: string };

let allowlist: Allowlist | undefined;

/** The webhook's sender rule, applied by the webhook endpoint before it reads the body. */
export function checkSender(peer: Peer | null): SenderVerdict {
  const config = env();
  allowlist ??= buildAllowlist(config.BOLNA_WEBHOOK_IPS, config.WEBHOOK_ALLOW_LOOPBACK);
  const sender = resolveSender(peer, config.TRUSTED_PROXY_HOPS);
  if (!sender.ok) return sender;
  return isAllowed(sender.ip, allowlist) ? sender : { ok: false, ip: sender.ip, reason: "not on the allowlist" };
}
