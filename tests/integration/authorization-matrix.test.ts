// The authorization matrix, generated from the registry (DESIGN §9):
// every registered operation × every kind of caller, checked against the
// hand-written table in authorization-expectations.ts. Then, for every
// operation taking an id, another tenant's id is "not found" and changes
// nothing. Operations added to lib/operations/registry.ts are picked up here
// by themselves; their row in the table is required.
import "../support/next-runtime"; // first: the sign-in and token operations run inside a request (inRequestScope)
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { OPERATIONS } from "@/lib/operations/registry";
import { runOperation } from "@/lib/operations/run";
import type { AnyOperation } from "@/lib/operations/define";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { Caller } from "@/lib/auth/caller";
import { CALLER_KINDS, callerOfKind, createPartnerWithKey, inRequestScope, PARTNER_CALLERS, STAFF_CALLERS, type CallerKind } from "../support/operation-callers";
import { AUTHORIZATION_EXPECTATIONS, type Audience } from "./authorization-expectations";
import { FIXTURES, GLOBAL_ID_FIELDS, ID_FIELD, partnerSnapshot, portalSnapshot, REFERENCE_ID_FIELDS } from "./authorization-matrix.fixtures";

function group(kind: CallerKind): "partnerUser" | "staff" | "customer" | "apiKey" | "signedOut" {
  if ((PARTNER_CALLERS as readonly string[]).includes(kind)) return "partnerUser";
  if ((STAFF_CALLERS as readonly string[]).includes(kind)) return "staff";
  if (kind === "apiKeyAll" || kind === "apiKeyNone") return "apiKey";
  return kind as "customer" | "signedOut";
}

const AUDIENCE: Record<Audience, readonly ReturnType<typeof group>[]> = {
  partner: ["partnerUser", "apiKey"],
  partnerUsers: ["partnerUser"],
  staff: ["staff"],
  signedIn: ["partnerUser", "staff", "customer"],
  public: ["partnerUser", "staff", "customer", "apiKey", "signedOut"],
};

/** The refusal a caller should get: 401 signed out, 403 inside the operation's audience, 404 outside it. */
function expectedRefusal(audience: Audience, kind: CallerKind) {
  if (kind === "signedOut") return UnauthenticatedError;
  return AUDIENCE[audience].includes(group(kind)) ? ForbiddenError : NotFoundError;
}

const AUTHORIZATION_ERRORS = [UnauthenticatedError, ForbiddenError, NotFoundError];
const auditActions = (op: AnyOperation) => (op.audit === null ? [] : typeof op.audit === "string" ? [op.audit] : [...op.audit]);
const idFields = (op: AnyOperation) => Object.keys(op.input.shape).filter((field) => ID_FIELD.test(field) && !GLOBAL_ID_FIELDS.has(field));
const outcome = (error: unknown) => (error === null ? "succeeded" : `${(error as Error).constructor.name}: ${(error as Error).message}`);

/** Operations whose "allowed" is the weak check (no fixture: any error but 401/403/404 counts). */
const WEAK = OPERATIONS.filter((op) => !FIXTURES[op.name]).map((op) => op.name);

/**
 * Each cell's caller comes from an address of its own: the per-address limits
 * of the sign-in and token pages have their own tests (rate-limit.test.ts) and
 * would otherwise refuse the later cells of the public operations.
 */
let cell = 0;
function fromOwnAddress(caller: Caller | null): Caller | null {
  cell += 1;
  return caller && { ...caller, ip: `10.${(cell >> 16) & 255}.${(cell >> 8) & 255}.${cell & 255}` };
}

/**
 * Runs the operation as production does: inside a request (the sign-in and
 * token operations set cookies and read headers). A redirect is how signing
 * out ends: a success. Returns what it threw, or null.
 */
function attempt(op: AnyOperation, input: Record<string, unknown>, actor: Caller | null): Promise<unknown> {
  return inRequestScope(null, () => runOperation(op, input, actor)).then(
    () => null,
    (e: unknown) => (isRedirectError(e) ? null : e),
  );
}

describe("authorization matrix (generated from the registry)", () => {
  it("has exactly one row per registered operation (and fixtures only for registered ones)", () => {
    const registered = OPERATIONS.map((op) => op.name).sort();
    const rows = Object.keys(AUTHORIZATION_EXPECTATIONS).sort();
    expect(registered.filter((name) => !rows.includes(name)), "operations without a row in authorization-expectations.ts").toEqual([]);
    expect(rows.filter((name) => !registered.includes(name)), "rows naming no registered operation").toEqual([]);
    expect(Object.keys(FIXTURES).filter((name) => !registered.includes(name)), "fixtures naming no registered operation").toEqual([]);
    // Operations without a fixture only get the weak check (and a todo for the other-tenant check); not a failure.
  });

  for (const op of OPERATIONS) {
    describe(op.name, () => {
      for (const kind of CALLER_KINDS) {
        const row = AUTHORIZATION_EXPECTATIONS[op.name];
        const allowed = row?.allowed.includes(kind);
        const weak = WEAK.includes(op.name);
        it(`${kind}: ${row ? (allowed ? (weak ? "allowed (weak: passes authorization)" : "allowed") : "refused") : "NO ROW"}`, async () => {
          expect(row, `add "${op.name}" to tests/integration/authorization-expectations.ts`).toBeDefined();
          const partner = await createPartnerWithKey();
          const actor = fromOwnAddress(await callerOfKind(kind, partner));
          const fixture = FIXTURES[op.name];
          const input = fixture ? await fixture({ partner, actor }) : {};
          const actions = auditActions(op);
          const auditBefore = await db.auditEvent.count({ where: { action: { in: actions } } });
          const before = await partnerSnapshot(partner.partner.id);
          const portalBefore = await portalSnapshot();

          const error = await attempt(op, input, actor);

          if (allowed && !weak) {
            expect(error, outcome(error)).toBeNull();
            // A successful change is audited with the action the operation declares.
            if (actions.length > 0) expect(await db.auditEvent.count({ where: { action: { in: actions } } })).toBeGreaterThan(auditBefore);
          } else if (allowed) {
            expect(AUTHORIZATION_ERRORS.some((type) => error instanceof type), outcome(error)).toBe(false);
          } else {
            const expected = expectedRefusal(row.audience, kind);
            expect(error, outcome(error)).toBeInstanceOf(expected);
            // A refusal writes nothing, in the partner or anywhere else.
            expect(await partnerSnapshot(partner.partner.id)).toEqual(before);
            expect(await portalSnapshot()).toEqual(portalBefore);
          }
        });
      }
    });
  }
});

describe("another tenant's ids (every operation taking an id)", () => {
  const withIds = OPERATIONS.filter((op) => idFields(op).length > 0);

  it("covers the operations taking ids", () => {
    expect(withIds.length).toBeGreaterThan(0);
  });

  for (const op of withIds) {
    const row = AUTHORIZATION_EXPECTATIONS[op.name];
    // Partner-side operations only: vendor staff work across partners by design.
    if (row && !row.allowed.some((kind) => group(kind) === "partnerUser" || group(kind) === "apiKey")) continue;
    if (row && !FIXTURES[op.name]) {
      it.todo(`${op.name}: needs a fixture in authorization-matrix.fixtures.ts for the other-tenant check`);
      continue;
    }
    it(`${op.name}: each id of another partner is "not found", and that partner's rows stay as they were`, async () => {
      const fixture = FIXTURES[op.name];
      expect(row && fixture, `${op.name} needs a row and a fixture`).toBeTruthy();
      const attackers = row.allowed.filter((kind) => group(kind) === "partnerUser" || group(kind) === "apiKey");

      for (const kind of attackers) {
        const victim = await createPartnerWithKey();
        const attacker = await createPartnerWithKey();
        const actor = await callerOfKind(kind, attacker);
        const foreign = await fixture({ partner: victim, actor: victim.caller });
        const own = await fixture({ partner: attacker, actor });
        const fields = idFields(op).filter((field) => foreign[field] !== undefined);
        expect(fields.length, `${op.name}'s fixture sets no id`).toBeGreaterThan(0);
        // Every id foreign at once, then each id foreign on its own among the attacker's own values.
        const attempts: [string, Record<string, unknown>][] = [
          ["all ids foreign", { ...own, ...Object.fromEntries(fields.map((field) => [field, foreign[field]])) }],
          ...fields.map((field): [string, Record<string, unknown>] => [`${field} foreign`, { ...own, [field]: foreign[field] }]),
        ];
        for (const [label, input] of attempts) {
          const before = await partnerSnapshot(victim.partner.id);
          const error = await runOperation(op, input, actor).then(
            () => null,
            (e: unknown) => e,
          );
          const field = label.split(" ")[0];
          // The record the operation acts on is "not found"; a reference to another record (a manager) may also be that field's error.
          const foreignFields = field === "all" ? fields : [field];
          const asFieldError =
            error instanceof ValidationError &&
            foreignFields.every((f) => REFERENCE_ID_FIELDS.has(f)) &&
            foreignFields.some((f) => error.fieldErrors[f] !== undefined);
          expect(error instanceof NotFoundError || asFieldError, `${op.name} as ${kind}, ${label}: ${outcome(error)} ${JSON.stringify((error as ValidationError)?.fieldErrors ?? {})}`).toBe(true);
          expect(await partnerSnapshot(victim.partner.id), `${op.name} as ${kind}, ${label}`).toEqual(before);
        }
      }
    });
  }
});
