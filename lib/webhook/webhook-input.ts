import { z } from "zod";
import { formId } from "@/lib/http/form-fields";
import { linkInput } from "./link-delivery";

/** The inbox's "Link": an unmatched delivery and the candidate it belongs to. */
export const linkDeliveryForm = linkInput.extend({ eventId: formId });

/** The inbox's "Dismiss". */
export const deliveryForm = z.object({ eventId: formId });
