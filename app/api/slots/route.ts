import { getDb } from "@/db/client";
import { readJson } from "@/lib/http/read-json";
import { withPermission } from "@/lib/http/route";
import { createSlot, createSlotInput, listSlots } from "@/lib/slots/manage-slots";
import { otherMethods } from "@/lib/http/other-methods";

const slotJson = (slot: { id: number; startsAt: Date; capacity: number; booked?: number }) => ({
  ...slot,
  startsAt: slot.startsAt.toISOString(),
});

export const GET = withPermission("candidates:read", () => Response.json({ slots: listSlots(getDb()).map(slotJson) }));

export const POST = withPermission("slots:manage", async ({ request }) => {
  const slot = createSlot(getDb(), await readJson(request, createSlotInput));
  return Response.json({ slot: slotJson({ ...slot, booked: 0 }) }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
