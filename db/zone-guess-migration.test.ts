import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { asc } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { candidates } from "@/db/schema";
import { migrationsBefore } from "@/tests/support/migrations";
import { tempDatabasePath } from "@/tests/support/temp-database";

describe("the migration of zones guessed for countries of several clocks", () => {
  it("clears the zone guessed for a country of several clocks, and keeps every other", () => {
    const file = tempDatabasePath("zones");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore("18_outcomes") });
    const insert = sqlite.prepare(
      "insert into candidates (name, phone, time_zone, interview_at, status_changed_at, updated_at) values (?, ?, ?, 1, 0, 0)",
    );
    insert.run("US guess", "+12025550147", "America/New_York");
    insert.run("US chosen", "+12025550148", "America/Chicago");
    insert.run("Australia guess", "+61412345678", "Australia/Sydney");
    insert.run("India", "+919800000101", "Asia/Kolkata");
    insert.run("Kazakhstan", "+77012345678", "Asia/Almaty");
    sqlite.close();

    const db = openDatabase(file, "OFF");
    const zones = db
      .select({ name: candidates.name, timeZone: candidates.timeZone })
      .from(candidates)
      .orderBy(asc(candidates.id))
      .all();
    expect(zones).toEqual([
      { name: "US guess", timeZone: null },
      { name: "US chosen", timeZone: "America/Chicago" },
      { name: "Australia guess", timeZone: null },
      { name: "India", timeZone: "Asia/Kolkata" },
      { name: "Kazakhstan", timeZone: "Asia/Almaty" },
    ]);
    db.$client.close();
  });
});
