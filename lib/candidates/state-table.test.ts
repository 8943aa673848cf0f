import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STATUS_EVENTS } from "@/db/values";
import { STATE_TABLE, stateTableMarkdown } from "./state-table";

// The state table lives in the code (lib/candidates/state-machine.ts decides, state-table.ts says it in words) and
// in docs/domain.md and docs/api.md: the docs must print exactly this table (prettier may pad its cells).

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\s+/g, " "));

/** The rows of the Markdown table in `text` whose header starts like the state table's, as trimmed cells. */
function tableIn(text: string): string[][] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith("| What happened"));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith("|")) break;
    if (/^\|[\s|:-]+\|$/.test(line)) continue;
    rows.push(cells(line));
  }
  return rows;
}

describe("the state table", () => {
  it("has a row for every status event", () => {
    const events = new Set(STATE_TABLE.map((row) => row.event));
    for (const event of STATUS_EVENTS) expect(events, event).toContain(event);
  });

  it.each(["docs/domain.md", "docs/api.md"])("is printed in %s exactly as the code says it", (file) => {
    const text = fs.readFileSync(path.join(process.cwd(), file), "utf8");
    expect(tableIn(text)).toEqual(tableIn(stateTableMarkdown()));
  });
});
