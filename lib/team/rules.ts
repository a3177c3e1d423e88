import "server-only";
import type { Prisma, Tx } from "../db/client.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../errors.ts";
import { effectivePermissions, isPartnerRole, PARTNER_ROLES, PERMISSION_INFO, type PartnerPermission } from "../auth/permissions.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { ceilingRefusal, type CeilingTarget } from "./ceiling.ts";
import { liveTeamMembers } from "./member-scope.ts";

// The team's standing rules (DESIGN §1, §3, §10): a partner always keeps one
// active user who can manage users; nobody grants what they don't hold; nobody
// acts on an account that holds more than they do (the privilege ceiling).

const LAST_USER_MANAGER =
  "is the last active person who can manage the team. Give someone else the Manage team permission first.";

/**
 * Serializes every change that could remove a users.manage holder within one
 * partner: the partner row is locked until the transaction ends, so two
 * admins demoting each other at the same moment run one after the other and
 * the second one sees the first one's result.
 */
export async function lockPartnerTeam(tx: Tx, partnerId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Partner" WHERE "id" = ${partnerId}::uuid FOR UPDATE`;
}

/**
 * The privilege ceiling on the server (decision 0011): every domain function
 * that acts on another team member calls this after loading the member within
 * the caller's partner (so another tenant's id stays "not found"), and inside
 * the transaction that holds lockPartnerTeam when the change depends on it.
 * Throws ForbiddenError with the reason; returns whether the target is the
 * partner's primary user.
 */
export async function assertMayActOn(tx: Tx, caller: PartnerCaller, target: CeilingTarget, doing?: string) {
  const partner = await tx.partner.findFirst({ where: { id: caller.partnerId }, select: { primaryUserId: true } });
  const isPrimary = partner?.primaryUserId === target.id;
  const refusal = ceilingRefusal(caller, target, isPrimary, doing);
  if (refusal) throw new ForbiddenError(refusal);
  return { isPrimary, primaryUserId: partner?.primaryUserId ?? null };
}

function rolesGranting(permission: PartnerPermission): string[] {
  return Object.entries(PARTNER_ROLES)
    .filter(([, role]) => role.permissions.includes(permission))
    .map(([key]) => key);
}

/**
 * Partner users who hold `permission`, through their role or as an extra, as
 * a query condition (effectivePermissions in SQL): the last-admin rule and
 * notification recipients both ask it.
 */
export function holdsPermission(permission: PartnerPermission) {
  return { OR: [{ role: { in: rolesGranting(permission) } }, { permissions: { has: permission } }] } satisfies Prisma.UserWhereInput;
}

// Who may be someone's manager (DESIGN §3: an Account Executive is tied to a
// Partner Admin): a Partner Admin of the same partner who isn't deleted or
// disabled (an invited one may be). The invite and edit forms, the manager
// list, restore and support's move of an invited user all ask this.
const MANAGER_ROLE = "partner_admin";

/** Whether `role` needs a manager. */
export function needsManager(role: string | null | undefined): boolean {
  return isPartnerRole(role) && PARTNER_ROLES[role].requiresManager;
}

/** The manager a member of `role` keeps: the one given if the role needs one, else none. */
export function managerIdFor(role: string | null | undefined, managerId: string | null | undefined): string | null {
  return needsManager(role) ? (managerId ?? null) : null;
}

/** The query condition: users of `partnerId` who may be a manager. */
export function managerCandidates(partnerId: string) {
  return { ...liveTeamMembers(partnerId), role: MANAGER_ROLE, status: { not: "DISABLED" } } satisfies Prisma.UserWhereInput;
}

/** The same rule on a loaded user. */
export function mayBeManager(user: { role: string | null; status: string; deletedAt: Date | null }) {
  return user.role === MANAGER_ROLE && user.status !== "DISABLED" && user.deletedAt === null;
}

/** Whether `managerId` may manage someone in `partnerId` now. */
export async function isManagerCandidate(tx: Tx, partnerId: string, managerId: string) {
  return (await tx.user.count({ where: { id: managerId, ...managerCandidates(partnerId) } })) === 1;
}

/**
 * Who may become a partner's primary user (DESIGN §1): an active Partner Admin
 * of that partner. The transfer (team and vendor console) and both places
 * that offer it (the member page, the partner page's list) ask this.
 */
export function mayBecomePrimary(user: { role: string | null; status: string }) {
  return user.role === "partner_admin" && user.status === "ACTIVE";
}

export function managesUsers(user: { role: string | null; permissions: readonly string[] }) {
  return effectivePermissions(user.role, user.permissions).includes("users.manage");
}

/** Call after the change, inside the transaction that holds lockPartnerTeam. */
export async function assertUserManagerRemains(tx: Tx, partnerId: string, target: { firstName: string; lastName: string }) {
  const remaining = await tx.user.count({
    where: { ...liveTeamMembers(partnerId), status: "ACTIVE", ...holdsPermission("users.manage") },
  });
  if (remaining === 0) throw new ConflictError(`${target.firstName} ${target.lastName} ${LAST_USER_MANAGER}`);
}

/**
 * An actor may only hand out permissions they hold themselves. Only what the
 * change adds is checked: keeping a permission the target already had, or
 * taking one away, is allowed.
 */
export function assertGrantable(
  caller: PartnerCaller,
  role: string | null,
  extras: readonly string[],
  before: { role: string | null; permissions: readonly string[] } = { role: null, permissions: [] },
) {
  const had = new Set<string>(effectivePermissions(before.role, before.permissions));
  const added = effectivePermissions(role, extras).filter((permission) => !had.has(permission));
  const missing = added.filter((permission) => !caller.permissions.includes(permission));
  if (missing.length === 0) return;
  const names = missing.map((p) => PERMISSION_INFO[p as PartnerPermission]?.label ?? p).join(", ");
  const field = role && role !== before.role && missing.some((p) => !extras.includes(p)) ? "role" : "permissions";
  throw ValidationError.field(field, `You can't grant permissions you don't have: ${names}.`);
}

export function samePermissions(
  a: { role: string | null; permissions: readonly string[] },
  b: { role: string | null; permissions: readonly string[] },
) {
  return a.role === b.role && [...a.permissions].sort().join() === [...b.permissions].sort().join();
}
