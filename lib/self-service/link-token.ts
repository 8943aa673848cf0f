import crypto from "node:crypto";

/**
 * A self-service token: `<payload>.<signature>`, both base64url. The payload is 16 random bytes (128 bits, so it
 * cannot be guessed) and the expiry in seconds; the signature is an HMAC-SHA256 of the payload under a key derived
 * from the auth secret. A token is checked in that order — shape, signature, expiry — before the database is
 * asked, so a forged or edited token is refused without trusting any row; the row (found by the token's SHA-256,
 * the token itself is never stored) then says whether it was revoked or used up.
 */
const NONCE_BYTES = 16;
const PAYLOAD_BYTES = NONCE_BYTES + 6;
const SIGNATURE_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{30}\.[A-Za-z0-9_-]{43}$/;

function signingKey(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("callboard self-service link v1").digest();
}

function sign(payload: Buffer, secret: string): Buffer {
  return crypto.createHmac("sha256", signingKey(secret)).update(payload).digest();
}

export function createLinkToken(expiresAt: Date, secret: string): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  crypto.randomFillSync(payload, 0, NONCE_BYTES);
  payload.writeUIntBE(Math.floor(expiresAt.getTime() / 1000), NONCE_BYTES, 6);
  return `${payload.toString("base64url")}.${sign(payload, secret).toString("base64url")}`;
}

export type TokenCheck = { ok: true; expiresAt: Date } | { ok: false; reason: "malformed" | "bad_signature" };

/** Shape and signature (in constant time); the expiry it carries is returned for the caller to judge. */
export function verifyLinkToken(token: string, secret: string): TokenCheck {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "malformed" };
  const [payloadText, signatureText] = token.split(".") as [string, string];
  const payload = Buffer.from(payloadText, "base64url");
  const signature = Buffer.from(signatureText, "base64url");
  // base64url decoding ignores stray bits: a re-encoded token must be the one given, or two spellings would pass.
  if (payload.length !== PAYLOAD_BYTES || signature.length !== SIGNATURE_BYTES || payload.toString("base64url") !== payloadText) {
    return { ok: false, reason: "malformed" };
  }
  if (signature.toString("base64url") !== signatureText || !crypto.timingSafeEqual(signature, sign(payload, secret))) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true, expiresAt: new Date(payload.readUIntBE(NONCE_BYTES, 6) * 1000) };
}

/** What the database keeps instead of the token. */
export function tokenHash(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
