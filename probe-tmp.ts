import { startServer } from "./tests/support/server";
const server = await startServer({
  NEXT_DIST_DIR: process.env.DIST ?? ".next",
  API_TOKEN: "probe-token-0123456789abcdefgh",
  ADMIN_EMAIL: "a@example.com",
  ADMIN_PASSWORD: "probe-admin-password-1",
  SEED_DEMO: "true",
  INTERVIEW_TIMEZONE: process.env.TZONE ?? "Asia/Kolkata",
  CALLING_HOURS: "09:00-20:00",
  TEST: "",
});
console.log(server.url, server.databasePath, "server-pid", server.process.pid, "probe-pid", process.pid);
process.on("SIGTERM", () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 1000);
