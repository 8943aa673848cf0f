/** A CSV import job (lib/csv/import-jobs.ts): waiting its turn, being read and written by the worker, or finished. */
export const IMPORT_STATES = ["queued", "running", "done", "failed"] as const;
export type ImportState = (typeof IMPORT_STATES)[number];
