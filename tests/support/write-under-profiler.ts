import { openDatabase } from "@/db/client";

// Run by db/busy-wait.test.ts under `node --cpu-prof`: one write to the database at argv[2], through the app's
// connection, while another process holds the write lock. Prints how it ended.
const db = openDatabase(process.argv[2]!, "OFF");
try {
  db.$client
    .transaction(() => db.$client.prepare("INSERT INTO interview_slots (starts_at, capacity, created_at) VALUES (1, 1, 0)").run())
    .immediate();
  console.log("written");
} catch (error) {
  console.log(`failed: ${(error as { code?: string }).code}`);
}
