import { z } from "zod";

// Field parsers for the forms' schemas (lib/<domain>/*-input.ts); free of server-only imports, so a schema module
// that uses them stays importable anywhere.

/** A form field that may be sent any number of times, as a list for zod. */
export const formList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** A checkbox: present (any value) is true. */
export const formCheckbox = z.preprocess((value) => value !== undefined && value !== "" && value !== "false", z.boolean());

/** A record's id in a hidden field: the page sets it, but a client can send any value, so it is parsed like the others. */
export const formId = z.coerce.number().int().positive();
