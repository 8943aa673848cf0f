import { getTableColumns, Param, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";

/**
 * Prepared statements built once per connection. On the webhook's hot path, building SQL with Drizzle's query
 * builder and preparing it in SQLite cost more than running it; a prepared statement pays that once.
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

/**
 * `{column: placeholder}` for a prepared INSERT's values or UPDATE's SET, each value encoded by its column at
 * execution (dates, JSON). Drizzle's own placeholders do encode, but hand null to the encoder too (a null
 * timestamp throws, a null JSON becomes the text "null"): these bind null as NULL.
 */
export function placeholders<T extends SQLiteTable, K extends keyof T["$inferInsert"] & string>(
  table: T,
  keys: readonly K[],
): Record<K, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    keys.map((key) => {
      const column = columns[key]!;
      const encoder = { mapToDriverValue: (value: unknown) => (value === null ? null : column.mapToDriverValue(value)) };
      return [key, sql`${new Param(sql.placeholder(key), encoder)}`];
    }),
  ) as Record<K, SQL>;
}
