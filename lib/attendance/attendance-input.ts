import { formId } from "@/lib/http/form-fields";
import { attendanceInput } from "./mark-attendance";

/** "Attended" / "No-show" from the board's "to mark" view or the candidate page. */
export const attendanceForm = attendanceInput.extend({ candidateId: formId });
