import type { z } from "zod";
import type { Caller, PartnerCaller } from "../auth/caller.ts";
import type { PartnerPermission, StaffPermission } from "../auth/permissions.ts";
import type { StaffCaller } from "../support/staff-access.ts";

// An operation: something a user can do, declared once (DESIGN §9, decision
// 0018). Server actions (form.ts) and /api/v1 route handlers (api.ts) are
// adapters over it; the OpenAPI document (openapi.ts) and the authorization
// matrix are generated from the registry (registry.ts).

/**
 * Who may call an operation:
 * - `partner`: a partner user (or a partner's API key) holding that permission; `null`: any partner member;
 * - `staff`: vendor staff holding one of these permissions;
 * - `own`: a signed-in user acting on their own account ("partner": partner users only); never an API key;
 * - `public`: anyone, signed in or not.
 */
export type Access =
  | { partner: PartnerPermission | null }
  | { staff: StaffPermission | readonly StaffPermission[] }
  | { own: "partner" | "any" }
  | { public: true };

/** The caller an operation's `run` receives, by its access. */
export type CallerFor<A extends Access> = A extends { partner: unknown }
  ? PartnerCaller
  : A extends { staff: unknown }
    ? StaffCaller
    : A extends { own: "partner" }
      ? PartnerCaller
      : A extends { own: "any" }
        ? Caller
        : Caller | null;

/** How the operation appears in /api/v1 (only `partner` operations can). Path params map to input fields. */
type HttpBinding = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Under /api/v1, OpenAPI style: "/users/{id}". */
  path: string;
  /** Success status: 200 (default), 201 or 204 (no body). */
  status?: 200 | 201 | 204;
  /** Path parameter → input field ("id" → "userId"); a parameter not listed maps to the field of its own name. */
  params?: Record<string, string>;
};

export type AnyInput = z.ZodObject;

export type Operation<S extends AnyInput = AnyInput, A extends Access = Access, R = unknown> = {
  readonly name: string;
  readonly summary: string;
  readonly input: S;
  readonly access: A;
  /** The audit action(s) a successful run records; null for reads. */
  readonly audit: string | readonly string[] | null;
  /** The JSON the API answers with (what `run` returns, reduced to this schema). Omit for 204. */
  readonly output?: z.ZodType;
  readonly http?: HttpBinding;
  readonly run: (caller: CallerFor<A>, input: z.output<S>) => Promise<R>;
};

/** Any operation, whatever its input, access and result (for registries and adapters). */
export type AnyOperation = Omit<Operation<AnyInput, Access, unknown>, "run"> & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly run: (caller: any, input: any) => Promise<unknown>;
};

/** An operation offered under /api/v1: one that has an HTTP binding. */
export type ApiOperation = AnyOperation & { readonly http: HttpBinding };

const NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

export function operation<S extends AnyInput, const A extends Access, R>(definition: Operation<S, A, R>): Operation<S, A, R> {
  if (!NAME.test(definition.name)) throw new Error(`Operation name "${definition.name}" must look like domain.verb.`);
  if (definition.http && !("partner" in definition.access)) {
    throw new Error(`${definition.name}: only partner operations are offered to API keys.`);
  }
  return Object.freeze({ ...definition });
}

/** A declaration of `actionsOn`'s kind: the operation's own facts; `run` takes the ids the shared input names. */
type ActionDeclaration<S extends AnyInput, A extends Access, Ids extends unknown[], R> = Omit<Operation<S, A, R>, "input" | "access" | "http" | "run"> & {
  http?: Omit<HttpBinding, "params">;
  run: (caller: CallerFor<A>, ...ids: Ids) => Promise<R>;
};

/**
 * A kind of operation that acts on one account named by ids: they share the
 * input, who may call them and the API path parameters, stated here once;
 * each declaration adds its name, summary, audit action, HTTP verb and path,
 * output and `run`, which receives the ids (`run: disableTeamMember`).
 */
export function actionsOn<S extends AnyInput, const A extends Access, Ids extends unknown[]>(kind: {
  input: S;
  access: A;
  params: Record<string, string>;
  ids: (input: z.output<S>) => Ids;
}) {
  return <R>({ run, http, ...declaration }: ActionDeclaration<S, A, Ids, R>): Operation<S, A, R> =>
    operation<S, A, R>({
      ...declaration,
      input: kind.input,
      access: kind.access,
      ...(http && { http: { ...http, params: kind.params } }),
      run: (caller, input) => run(caller, ...kind.ids(input)),
    });
}
