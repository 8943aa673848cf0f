"use client";

import { SelectField } from "@/app/_components/form-field";

const RETRY_CHOICES = [
  { value: "", label: "As configured" },
  { value: "0", label: "None" },
  { value: "1", label: "1 retry" },
  { value: "2", label: "2 retries" },
  { value: "3", label: "3 retries" },
] as const;

/** How many times Bolna retries each call of the batch that does not reach the candidate. */
export function RetriesField() {
  return <SelectField label="Bolna retries" name="retries" defaultValue="" options={RETRY_CHOICES} className="w-44" />;
}
