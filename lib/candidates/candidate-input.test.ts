import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boardListQuery, candidateListQuery, MAX_SEARCH_LENGTH } from "./candidate-input";

// `/?q=a&q=b` and a search over 200 characters made the board show "the database did not answer".
describe("candidateListQuery", () => {
  it("takes the first of repeated parameters", () => {
    expect(candidateListQuery.parse({ q: ["a", "b"], status: ["declined", "confirmed"], page: ["2", "3"] })).toMatchObject({
      q: "a",
      status: "declined",
      page: 2,
    });
  });

  it("refuses a search over the limit with a message that says so", () => {
    const result = candidateListQuery.safeParse({ q: "x".repeat(MAX_SEARCH_LENGTH + 1) });
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain(`at most ${MAX_SEARCH_LENGTH} characters`);
  });
});

describe("boardListQuery", () => {
  it("never throws: repeated parameters count once, an overlong search is cut and flagged", () => {
    expect(boardListQuery({ q: ["Asha", "Ravi"] })).toMatchObject({ query: { q: "Asha" }, searchCut: false });
    const long = boardListQuery({ q: `  ${"y".repeat(500)}  ` });
    expect(long.searchCut).toBe(true);
    expect(long.query.q).toBe("y".repeat(MAX_SEARCH_LENGTH));
  });

  it("does not leave half of a surrogate pair when it cuts", () => {
    const { query } = boardListQuery({ q: `${"a".repeat(MAX_SEARCH_LENGTH - 1)}😀😀` });
    expect(query.q).toBe("a".repeat(MAX_SEARCH_LENGTH - 1));
  });

  it.each([{}, { q: "" }, { sort: ["name", "x"], dir: "sideways", pageSize: "9999", page: "-1" }])("reads %j", (params) => {
    expect(() => boardListQuery(params)).not.toThrow();
  });
});
