import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";

const { DATABASE_PATH } = env();
openDatabase(DATABASE_PATH).$client.close();
console.log(`Migrated ${DATABASE_PATH}`);
