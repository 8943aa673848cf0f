import { describe, expect, it } from "vitest";
import { givenName } from "./given-name";

describe("givenName", () => {
  it.each([
    ["Kavya Nair", "Kavya"],
    ["  Kavya   Nair ", "Kavya"],
    ["Dr. Kavya Nair", "Kavya"],
    ["Mrs Anita Desai", "Anita"],
    ["Nair, Kavya", "Kavya"],
    ["Smt. Lakshmi", "Lakshmi"],
    ["Madonna", "Madonna"],
    ["Dr.", "Dr."],
  ])("%s → %s", (name, given) => {
    expect(givenName(name)).toBe(given);
  });
});
