// The server-action adapter (formAction) refills a refused form with what was
// typed, except secrets (STYLE §3): a password, a temporary password or a link's
// token never comes back in the form state, where the browser would render it
// into the page again. Through the production adapter, signed in with a real
// session, over every registered operation that takes such a field.
import "../support/next-runtime";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/operations/registry";
import type { AnyOperation } from "@/lib/operations/define";
import type { FormState } from "@/lib/actions/form-state";
import { changeOwnPasswordOp } from "@/lib/auth/operations";
import { createPartnerWithKey, inRequestScope, sessionsByAccess } from "../support/operation-callers";

// Loaded after next-runtime (first import above): next-auth and Next's stores need it.
const { formAction } = await import("@/lib/operations/form");

/** Long enough for every password rule, so the refusal comes from the operation, not only from its length check. */
const SECRET = "Violet-Harbour-Sunrise-4711";
/** Field names that hold a secret, as the forms name them. */
const SECRET_NAME = /password|token|secret/i;

const secretFields = (op: AnyOperation) => Object.keys(op.input.shape).filter((field) => SECRET_NAME.test(field));
const WITH_SECRETS = OPERATIONS.filter((op) => secretFields(op).length > 0);

let cookieFor: (op: AnyOperation) => string | null;

beforeAll(async () => {
  cookieFor = await sessionsByAccess(await createPartnerWithKey());
});

async function post(op: AnyOperation, fields: Record<string, string>): Promise<FormState<unknown>> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const cookie = cookieFor(op);
  try {
    return await inRequestScope(cookie, () => formAction(op as never)({ ok: false } as never, form) as Promise<FormState<unknown>>);
  } catch (error) {
    // A success that navigates (redirect()) carries no form state at all.
    if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) return { ok: true, data: undefined };
    throw error;
  }
}

describe("a refused form is refilled without its secrets", () => {
  it("covers the forms that take a password, a temporary password or a token", () => {
    const names = WITH_SECRETS.map((op) => op.name);
    for (const name of ["auth.signIn", "auth.activate", "auth.resetPassword", "auth.changePassword"]) expect(names).toContain(name);
    expect(WITH_SECRETS.some((op) => secretFields(op).some((field) => /temporaryPassword/.test(field)))).toBe(true);
  });

  for (const op of WITH_SECRETS) {
    it(`${op.name}: the secret fields (${secretFields(op).join(", ")}) never come back, the other fields do`, async () => {
      const fields: Record<string, string> = { note: "kept as typed" };
      for (const field of secretFields(op)) fields[field] = SECRET;
      const state = await post(op, fields);
      expect(JSON.stringify(state)).not.toContain(SECRET);
      if (!state.ok) {
        expect(state.values?.note).toBe("kept as typed");
        for (const field of secretFields(op)) expect(state.values).not.toHaveProperty(field);
      }
    });
  }
});

describe("changing your own password with a wrong current password", () => {
  it("shows the error next to the current password, and the form comes back with all three password fields empty", async () => {
    const state = await post(changeOwnPasswordOp as AnyOperation, {
      currentPassword: "Not-My-Password-At-All-99",
      password: SECRET,
      confirmPassword: SECRET,
    });
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.fieldErrors?.currentPassword?.[0]).toBeTruthy();
    expect(state.values ?? {}).toEqual({});
    const shown = JSON.stringify(state);
    expect(shown).not.toContain(SECRET);
    expect(shown).not.toContain("Not-My-Password-At-All-99");
  });
});
