import { z } from "zod";

// Text inputs (form posts, query strings) carry strings only; an operation's
// input is canonical JSON (booleans, numbers, arrays). These helpers convert
// guided by the schema's shape, so forms and the API parse the same schema.

type Kind = "array" | "boolean" | "number" | "string" | "file";

function unwrap(schema: z.ZodType): { kind: Kind; optional: boolean } {
  let current: z.ZodType = schema;
  let optional = false;
  for (let depth = 0; depth < 10; depth++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      optional = true;
      current = (current as z.ZodOptional).unwrap() as z.ZodType;
      continue;
    }
    break;
  }
  if (current instanceof z.ZodArray) return { kind: "array", optional };
  if (current instanceof z.ZodFile) return { kind: "file", optional };
  if (current instanceof z.ZodBoolean) return { kind: "boolean", optional };
  if (current instanceof z.ZodNumber) return { kind: "number", optional };
  return { kind: "string", optional: optional || schema.safeParse(undefined).success };
}

const TRUE = new Set(["on", "true", "1"]);

/** One field's text value(s) as the schema expects them. */
function coerce(schema: z.ZodType, values: string[]): unknown {
  const { kind, optional } = unwrap(schema);
  if (kind === "array") return values;
  const value = values.length > 1 ? values : values[0];
  if (kind === "boolean") return value === undefined ? false : typeof value === "string" ? TRUE.has(value) : value;
  if (value === undefined) return undefined;
  if (value === "" && optional && kind !== "string") return undefined;
  if (kind === "number") return typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? Number(value) : value;
  return value;
}

/** Form data → canonical input; `$ACTION…` keys dropped. Also returns the raw text (to refill the form). */
export function formDataToInput(schema: z.ZodObject, formData: FormData) {
  const raw: Record<string, string | string[]> = {};
  const files: Record<string, File> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    // A file field (z.file()) gets the posted File itself; it is never echoed back.
    if (shape[key] && unwrap(shape[key]).kind === "file") {
      const file = formData.getAll(key).find((value): value is File => typeof value !== "string");
      if (file) files[key] = file;
      continue;
    }
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    raw[key] = values.length === 1 ? values[0] : values;
  }
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    input[key] = shape[key] ? coerce(shape[key], Array.isArray(value) ? value : [value]) : value;
  }
  Object.assign(input, files);
  // Unchecked checkboxes send nothing: a boolean field absent from the form is false.
  for (const [key, field] of Object.entries(shape)) if (!(key in input) && unwrap(field).kind === "boolean") input[key] = false;
  return { input, raw };
}

/** A query string → canonical input (GET requests). */
export function searchParamsToInput(schema: z.ZodObject, params: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    input[key] = shape[key] ? coerce(shape[key], values) : values.length === 1 ? values[0] : values;
  }
  return input;
}
