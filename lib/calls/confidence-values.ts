import type { ConfidenceLabel } from "@/db/values";

export const CONFIDENCE_LABEL_TEXT: Record<ConfidenceLabel, string> = { high: "High", medium: "Medium", low: "Low" };
