import { z } from "zod";
import type { FieldErrors } from "../errors.ts";

// The one parser for what arrives in a URL: query strings and path ids
// (DESIGN §10: every query value and id is parsed before it reaches the
// database; no input yields a 5xx). Pages and route handlers read through
// here; nothing unparsed reaches Prisma.
//
// How a bad value is treated, per kind:
// - free text (a search box): control characters removed, cut to its maximum;
// - a choice (status, role, sort, tab …): an unknown value is ignored;
// - a page number: anything but a whole number from 1 to MAX_PAGE is page 1;
// - an id: anything that is not a UUID is ignored (or, in a path, a 404);
// - a date: reported as a field error next to the filter, and ignored.

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Ids are UUIDs (prisma/schema.prisma: `@default(uuid(7)) @db.Uuid`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The highest page a list offers; deeper pages are a bookmark gone wrong, so page 1. */
const MAX_PAGE = 100_000;

/** A query parameter may be repeated (`?a=1&a=2`); the first one counts. */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Removes control characters (NUL included, which PostgreSQL refuses in text) and cuts to `max`. */
export function cleanText(value: string, max: number): string {
  return value.replace(CONTROL_CHARACTERS, "").trim().slice(0, max);
}

/** The id as stored (lower case), or null when it can't be an id. */
export function readId(value: unknown): string | null {
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}

const optionalString = z.string().optional();

/** Free text, as typed in a search box: cleaned and cut; empty → undefined. */
export const searchText = (max = 200) =>
  optionalString.transform((value) => (value === undefined ? undefined : cleanText(value, max) || undefined));

/** One of `choices`, or undefined for anything else. */
export const choice = <T extends string>(choices: readonly T[]) =>
  optionalString.transform((value) => ((choices as readonly string[]).includes(value ?? "") ? (value as T) : undefined));

/** A page number: 1 unless it is a whole number from 1 to MAX_PAGE. */
export const pageNumber = optionalString.transform((value) => {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
});

/** A searched list with numbered pages (`?q=…&page=…`), as the vendor console's partner and account lists read it. */
export const SearchPageQuery = z.object({ q: searchText(200), page: pageNumber });

/** An id, or undefined when absent or malformed. */
export const optionalId = optionalString.transform((value) => readId(value) ?? undefined);

/** A flag like `?created=1`: true only for "1". */
export const flag = optionalString.transform((value) => value === "1");

const DATE_MESSAGE = "Enter a date like 2026-11-26.";

/**
 * A calendar date (YYYY-MM-DD, as an `<input type="date">` sends it), at 00:00
 * UTC. Years 1900–9999 only: JavaScript and PostgreSQL disagree about dates
 * near year 275760, and nobody filters an audit log by them. A bad date is an
 * error the page shows next to the filter.
 */
export const dateFilter = optionalString.transform((value, context) => {
  const text = value?.trim();
  if (!text) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (
    !match ||
    !date ||
    Number(match[1]) < 1900 ||
    date.getUTCFullYear() !== Number(match[1]) ||
    date.getUTCMonth() !== Number(match[2]) - 1 ||
    date.getUTCDate() !== Number(match[3])
  ) {
    context.addIssue({ code: "custom", message: DATE_MESSAGE });
    return z.NEVER;
  }
  return date;
});

/** A keyset cursor of digits (an audit event id); anything else starts from the top. */
export const numericCursor = optionalString.transform((value) =>
  value && /^\d{1,18}$/.test(value) ? BigInt(value) : undefined,
);

/** A keyset cursor as the app writes it (base64url), at most `max` characters; anything else starts from the top. */
export const opaqueCursor = (max = 500) =>
  optionalString.transform((value) => (value && value.length <= max && /^[A-Za-z0-9_-]+$/.test(value) ? value : undefined));

type Shape = Record<string, z.ZodType<unknown, string | undefined>>;

export type ReadSearchParams<S extends Shape> = {
  /** Every field parsed; a bad value replaced by the field's default. */
  values: { [K in keyof S]: z.output<S[K]> };
  /** Field errors to show next to the filters (only kinds that report, like dates). */
  problems: FieldErrors;
};

/**
 * Reads a page's query string through `schema`, field by field: one bad value
 * never discards the others, and never throws. Unknown parameters are
 * ignored. Fields whose schema reports an error fall back to their value for
 * "absent" and list the message in `problems`.
 */
export function readSearchParams<S extends Shape>(search: RawSearchParams | undefined, schema: z.ZodObject<S> | S): ReadSearchParams<S> {
  const shape = (schema instanceof z.ZodObject ? schema.shape : schema) as S;
  const values: Record<string, unknown> = {};
  const problems: FieldErrors = {};
  for (const [key, field] of Object.entries(shape)) {
    const raw = firstValue(search?.[key]);
    const parsed = field.safeParse(raw);
    if (parsed.success) {
      values[key] = parsed.data;
      continue;
    }
    problems[key] = parsed.error.issues.map((issue) => issue.message);
    const fallback = field.safeParse(undefined);
    values[key] = fallback.success ? fallback.data : undefined;
  }
  return { values: values as ReadSearchParams<S>["values"], problems };
}

/** A link token as lib/auth/tokens writes it (base64url); anything else is a link that can't be used (null), checked without touching the database. */
export function readToken(value: unknown): string | null {
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,200}$/.test(value) ? value : null;
}

/**
 * What a link page (/activate, /reset-password, /confirm-email) shows on
 * opening: the token from its `[token]` segment and what the link is for
 * (`describe`), or `link: null` when it can't be used (malformed, unknown,
 * used or expired); `token` then stays when well-formed, e.g. to send a new
 * link to the same address. Opening the link (GET) only describes it: mail
 * scanners that prefetch links must not use the token up. It is checked again
 * and used up when the page's form is submitted.
 */
export async function openTokenLink<Link>(
  params: Promise<{ token: string }>,
  describe: (token: string) => Promise<Link | null>,
): Promise<{ token: string; link: Link } | { token: string | null; link: null }> {
  const token = readToken((await params).token);
  const link = token ? await describe(token) : null;
  return token && link ? { token, link } : { token, link: null };
}
