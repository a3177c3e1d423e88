// Hostile input against every registered operation, through both adapters
// (DESIGN §10: no input yields a 5xx): the form adapter (formAction with FormData, signed in with a
// real session) and the API adapter (apiRoute with JSON and an API key, for
// operations offered under /api/v1). Never a 5xx, never the generic "something
// went wrong", every refusal a 4xx problem or a form error, and a refused
// call writes nothing. fast-check, fixed seed, 20 runs per operation and adapter.
import "../support/next-runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db/client";
import { OPERATIONS } from "@/lib/operations/registry";
import { apiRoute } from "@/lib/operations/api";
import type { AnyOperation } from "@/lib/operations/define";
import type { FormState } from "@/lib/actions/form-state";
import { insertApiKey } from "@/lib/api-keys/keys";
import { PARTNER_PERMISSIONS } from "@/lib/auth/permissions";
import { createPartnerWithKey, inRequestScope, sessionsByAccess, type TestPartner } from "../support/operation-callers";

// Loaded after next-runtime (first import above): next-auth and Next's stores need it.
const { formAction } = await import("@/lib/operations/form");

const RUNS = 12;
const SEED = 11;

/** Rows of the main tables: a refused call leaves every count as it was. */
async function counts() {
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Customer") AS customers,
           (SELECT count(*) FROM "LicenseAssignment") AS licenses, (SELECT count(*) FROM "AuditEvent") AS audit,
           (SELECT count(*) FROM "ApiKey") AS "apiKeys", (SELECT count(*) FROM "OutboxEmail") AS outbox,
           (SELECT count(*) FROM "Partner") AS partners, (SELECT count(*) FROM "Subscription") AS subscriptions`;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
}

const CONTROL = fc.constantFrom("\u0000", "\u0001", "\u0007", "\u001b[2J", "\u007f", "\u202e", "\r\n", "\t");
/** Strings built to hurt: control characters, NUL, 10 kB, path and SQL look-alikes, near-UUIDs. */
const hostileString = fc.oneof(
  fc.tuple(fc.string({ maxLength: 8 }), CONTROL, fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  fc.constant("x".repeat(10_240)),
  fc.constant("é".repeat(6_000)),
  fc.constantFrom("", " ", "null", "undefined", "[object Object]", "' OR 1=1 --", "../../etc/passwd", "<script>alert(1)</script>"),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "1e300", "-1", "NaN"),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(1e300, -1, 0, -0, Number.MAX_SAFE_INTEGER + 2, 3.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.array(fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 6 }), hostileString, { maxKeys: 3 }),
  fc.constant({ nested: { deeper: { deepest: ["x"] } } }),
);

/** An input for `op`: each field hostile or missing, plus sometimes unknown fields. */
function hostileInput(op: AnyOperation) {
  const fields = Object.keys(op.input.shape);
  const known = fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] });
  const unknown = fc.dictionary(fc.constantFrom("isAdmin", "partnerId", "__proto__x", "role ", "kind"), hostileValue, { maxKeys: 2 });
  return fc.tuple(known, fc.option(unknown, { nil: undefined })).map(([a, b]) => ({ ...a, ...(b ?? {}) }) as Record<string, unknown>);
}

/** What a browser could post for that input: strings only; arrays as repeated keys. */
function toFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value));
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const item of value) form.append(key, text(item));
    else form.append(key, text(value));
  }
  return form;
}

const GENERIC = /something went wrong/i;
/** Refusals that are themselves recorded: a failed sign-in writes its audit event (DESIGN §8, §10), nothing else. */
const AUDITS_ITS_REFUSALS = new Set(["auth.signIn"]);
const unchanged = (op: AnyOperation, before: Record<string, number>) =>
  AUDITS_ITS_REFUSALS.has(op.name) ? { ...before, audit: expect.any(Number) } : before;

let partner: TestPartner;
let cookieFor: (op: AnyOperation) => string | null;

beforeAll(async () => {
  partner = await createPartnerWithKey();
  cookieFor = await sessionsByAccess(partner);
});

const failures: string[] = [];
afterAll(() => {
  if (failures.length) console.warn(failures.join("\n"));
});

describe("hostile input through the form adapter (formAction)", () => {
  for (const op of OPERATIONS) {
    it(`${op.name}: a field error or a form error, never a crash, nothing written when refused`, async () => {
      const action = formAction(op as never);
      const cookie = cookieFor(op);
      await fc.assert(
        fc.asyncProperty(hostileInput(op), async (input) => {
          const before = await counts();
          let state: FormState<unknown>;
          try {
            state = await inRequestScope(cookie, () => action({ ok: false } as never, toFormData(input)) as Promise<FormState<unknown>>);
          } catch (error) {
            // redirect() after a success is how Next navigates; anything else thrown is a crash.
            if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) return;
            throw error;
          }
          expect(state, JSON.stringify(input).slice(0, 300)).toHaveProperty("ok");
          if (!state.ok) {
            expect(state.formError ?? "", `${op.name} ${JSON.stringify(input).slice(0, 300)}`).not.toMatch(GENERIC);
            expect(Boolean(state.formError) || Object.keys(state.fieldErrors ?? {}).length > 0).toBe(true);
            expect(await counts()).toEqual(unchanged(op, before));
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});

describe("hostile input through the API adapter (apiRoute, JSON, an API key)", () => {
  const apiOps = OPERATIONS.filter((op) => op.http);
  for (const op of apiOps) {
    it(`${op.http!.method} ${op.http!.path} (${op.name}): a 4xx problem or a success, never a 5xx`, async () => {
      const handler = apiRoute(op);
      const http = op.http!;
      const pathParams = [...http.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const bodyMethod = http.method === "POST" || http.method === "PATCH" || http.method === "PUT";
      // A key per operation: 20 calls each stay far inside the key's rate limit.
      const { key } = await insertApiKey(partner.caller, { partnerId: partner.partner.id, name: op.name, permissions: PARTNER_PERMISSIONS, expiresAt: null, createdById: null });
      await fc.assert(
        fc.asyncProperty(hostileInput(op), fc.array(hostileString, { minLength: pathParams.length, maxLength: pathParams.length }), async (input, params) => {
          const before = await counts();
          const query = new URLSearchParams();
          if (!bodyMethod) for (const [key, value] of Object.entries(input)) query.append(key, typeof value === "string" ? value : JSON.stringify(value));
          const path = pathParams.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(params[i])), http.path);
          const request = new Request(`http://localhost/api/v1${path}${bodyMethod ? "" : `?${query}`}`, {
            method: http.method,
            headers: { authorization: `Bearer ${key}`, ...(bodyMethod ? { "content-type": "application/json" } : {}) },
            body: bodyMethod ? JSON.stringify(input) : undefined,
          });
          const response = await handler(request, { params: Promise.resolve(Object.fromEntries(pathParams.map((name, i) => [name, params[i]]))) });
          const detail = `${op.name} ${response.status} ${(await response.clone().text()).slice(0, 300)} ← ${JSON.stringify(input).slice(0, 200)}`;
          expect(response.status, detail).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type"), detail).toBe("application/problem+json");
            expect(await counts(), detail).toEqual(before);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
