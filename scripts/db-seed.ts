import { openDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { env } from "@/lib/env";

const { DATABASE_PATH } = env();
const db = openDatabase(DATABASE_PATH);
console.log(seedDemoData(db) ? `Seeded demo data into ${DATABASE_PATH}` : "The database already has candidates; nothing seeded.");
db.$client.close();
