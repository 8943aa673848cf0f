// deploy/callboard.service runs this after starting Callboard (ExecStartPost), with the service's environment:
// `systemctl start` (and a restart after an update) returns once Callboard's readiness check answers 200 — the
// database takes writes, there is disk space, the event loop keeps up — and fails if it does not within 120 s.
const host = !process.env.HOSTNAME || process.env.HOSTNAME === "0.0.0.0" ? "127.0.0.1" : process.env.HOSTNAME;
const url = `http://${host.includes(":") ? `[${host}]` : host}:${process.env.PORT ?? 3000}/api/health/ready`;
const deadline = Date.now() + 120_000;
let last = "no answer yet";

while (Date.now() < deadline) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (response.ok) process.exit(0);
    last = `${response.status} ${await response.text()}`;
  } catch (error) {
    last = error instanceof Error ? error.message : String(error);
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}
console.error(`Callboard did not become ready at ${url} within 120 s: ${last}`);
process.exit(1);
