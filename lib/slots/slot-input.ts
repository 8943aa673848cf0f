import { z } from "zod";
import { formId } from "@/lib/http/form-fields";
import { capacityInput } from "./change-capacity";

/** The slots page's "Add": the date-time has no offset, and is read in the interview time zone (app/(app)/slots/actions.ts). */
export const addSlotForm = z.object({
  startsAt: z.string().trim().min(1, "Enter the date and time."),
  capacity: capacityInput.shape.capacity,
});

export const slotCapacityForm = z.object({ slotId: formId, capacity: capacityInput.shape.capacity });

export const slotForm = z.object({ slotId: formId });
