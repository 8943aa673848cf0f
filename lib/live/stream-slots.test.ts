import { describe, expect, it } from "vitest";
import { StreamSlots } from "./stream-slots";

describe("StreamSlots", () => {
  it("caps streams per user and in total, and gives places back once each", () => {
    const slots = new StreamSlots(3, 2);
    const a1 = slots.take("a");
    const a2 = slots.take("a");
    expect(a1).not.toBeNull();
    expect(a2).not.toBeNull();
    expect(slots.take("a")).toBeNull();
    const b1 = slots.take("b");
    expect(b1).not.toBeNull();
    expect(slots.take("c")).toBeNull();
    a1!();
    a1!();
    expect(slots.open).toBe(2);
    expect(slots.take("c")).not.toBeNull();
    expect(slots.take("a")).toBeNull();
    b1!();
    expect(slots.take("a")).not.toBeNull();
  });
});
