import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { purgePersonalData } from "@/lib/retention/purge-personal-data";

const { DATABASE_PATH, RETENTION_DAYS } = env();
const db = openDatabase(DATABASE_PATH);
const purged = await purgePersonalData(db, RETENTION_DAYS);
db.$client.close();
console.log(
  `Purged content older than ${RETENTION_DAYS} days: ${purged.calls} calls, ${purged.events} webhook bodies, ` +
    `${purged.messages} messages, ${purged.links} expired links.`,
);
