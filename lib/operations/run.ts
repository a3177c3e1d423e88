import "server-only";
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "../errors.ts";
import type { Caller, PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { assertStaff } from "../support/staff-access.ts";
import type { CallerFor, Operation, AnyInput, Access } from "./define.ts";
import { zodFieldErrors } from "./errors.ts";
import type { z } from "zod";

/**
 * Checks that `caller` may run `op`, and returns the caller as `run` gets it.
 * Nobody (for a non-public operation) → 401; the wrong kind of account → 404
 * (that part of the portal doesn't exist for them); a missing permission → 403.
 * API keys call partner operations only.
 */
// (lib/auth/caller.ts's own isPartnerCaller would pull next-auth into every adapter and test.)
const isPartnerCaller = (caller: Caller): caller is PartnerCaller => caller.kind === "PARTNER" && caller.partnerId !== null;

/** What someone signed in with a temporary password may do before replacing it (DESIGN §4); public operations (sign-out) too. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(["auth.changePassword"]);
const CHANGE_TEMPORARY_PASSWORD_FIRST = "Change your temporary password first.";

export function authorize<A extends Access>(op: Operation<AnyInput, A, unknown>, caller: Caller | null): CallerFor<A> {
  const access: Access = op.access;
  if ("public" in access) return caller as CallerFor<A>;
  if (!caller) throw new UnauthenticatedError();
  // Every adapter (form, route handler, API) passes here; the portal layout only redirects pages.
  if (caller.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(op.name)) throw new ForbiddenError(CHANGE_TEMPORARY_PASSWORD_FIRST);
  const viaApiKey = caller.apiKeyId !== undefined;
  if ("partner" in access) {
    if (!isPartnerCaller(caller)) throw new NotFoundError();
    if (access.partner) requirePermission(caller, access.partner);
    return caller as CallerFor<A>;
  }
  if (viaApiKey) throw new NotFoundError();
  if ("staff" in access) {
    assertStaff(caller, typeof access.staff === "string" ? access.staff : [...access.staff]);
    return caller as CallerFor<A>;
  }
  if (access.own === "partner" && !isPartnerCaller(caller)) throw new NotFoundError();
  return caller as CallerFor<A>;
}

/** Parses the raw input: every field error at once, keyed by its path joined with ".". */
function parseInput<S extends AnyInput>(op: Operation<S, Access, unknown>, raw: unknown): z.output<S> {
  const parsed = op.input.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    throw new ValidationError(fieldErrors, fieldErrors[""]?.[0] ?? "Please correct the highlighted fields.");
  }
  return parsed.data;
}

/** authorize → parse → run, returning the parsed input too (adapters word their answers with it). */
export async function executeOperation<S extends AnyInput, A extends Access, R>(
  op: Operation<S, A, R>,
  raw: unknown,
  caller: Caller | null,
): Promise<{ result: R; input: z.output<S> }> {
  const allowed = authorize(op as Operation<AnyInput, A, unknown>, caller);
  const input = parseInput(op as Operation<S, Access, unknown>, raw);
  return { result: await op.run(allowed, input), input };
}

/** authorize → parse → run: what every adapter (form, API, tests) calls. */
export async function runOperation<S extends AnyInput, A extends Access, R>(
  op: Operation<S, A, R>,
  raw: unknown,
  caller: Caller | null,
): Promise<R> {
  return (await executeOperation(op, raw, caller)).result;
}
