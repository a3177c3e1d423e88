// Valid input for each operation, built on fresh data of the partner the
// matrix cell runs in (authorization-matrix.test.ts). With valid input an
// "allowed" cell means "the operation succeeded", not merely "got past
// authorization". An operation without an entry here is checked the weak way
// (any error but 401/404/403 counts as allowed); one whose input takes an id
// MUST have an entry (the other-tenant check builds the victim's ids with it).
//
// Add one line per operation: `"domain.verb": async ({ partner, actor }) => ({ …input })`.
// `partner.caller` is the partner's primary Partner Admin (to prepare data);
// `actor` is who will call (null when signed out; a staff member has no partner).
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/db/client";
import { runOperation } from "@/lib/operations/run";
import { deleteUser } from "@/lib/team/operations";
import { insertApiKey } from "@/lib/api-keys/keys";
import { createPartnerUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import type { TestPartner } from "../support/operation-callers";
import { CUSTOMER_FIXTURES } from "./authorization-matrix.customers";
import { VENDOR_FIXTURES } from "./authorization-matrix.vendor";

/** A one-partner import file (lib/partners/import.ts) with a fresh name and email. */
const partnerCsv = () =>
  new File([`Partner name,First name,Last name,Email\nMatrix Import ${uniqueEmail("p")},Mia,Matrix,${uniqueEmail("mx-import")}\n`], "partners.csv", { type: "text/csv" });

export type FixtureContext = { partner: TestPartner; actor: Caller | null };
export type Fixture = (ctx: FixtureContext) => Promise<Record<string, unknown>>;

const member = (ctx: FixtureContext, overrides: Parameters<typeof createPartnerUser>[1] = { role: "sales" }) =>
  createPartnerUser(ctx.partner.partner.id, overrides);

export const FIXTURES: Record<string, Fixture> = {
  "team.list": async () => ({}),
  "team.get": async (ctx) => ({ userId: (await member(ctx)).id }),
  "team.listDeleted": async () => ({}),
  "team.invite": async (ctx) => ({
    firstName: "Matrix",
    lastName: "Invitee",
    email: uniqueEmail("mx"),
    role: "account_executive",
    managerId: ctx.partner.admin.id,
  }),
  "team.update": async (ctx) => ({
    userId: (await member(ctx)).id,
    firstName: "Edited",
    lastName: "Member",
    role: "account_executive",
    managerId: ctx.partner.admin.id,
    permissions: [],
    notifications: [],
  }),
  "team.patch": async (ctx) => ({ userId: (await member(ctx)).id, firstName: "Patched" }),
  "team.resendInvite": async (ctx) => ({ userId: (await member(ctx, { role: "sales", status: "INVITED" })).id }),
  "team.sendPasswordReset": async (ctx) => ({ userId: (await member(ctx)).id }),
  "team.disable": async (ctx) => ({ userId: (await member(ctx)).id }),
  "team.enable": async (ctx) => ({ userId: (await member(ctx, { role: "sales", status: "DISABLED" })).id }),
  "team.delete": async (ctx) => ({ userId: (await member(ctx)).id }),
  "team.restore": async (ctx) => {
    const user = await member(ctx);
    await runOperation(deleteUser, { userId: user.id }, ctx.partner.caller);
    return { userId: user.id };
  },
  "team.transferPrimary": async (ctx) => ({ userId: (await member(ctx, { role: "partner_admin" })).id }),
  "team.requestEmailChange": async (ctx) => ({ userId: (await member(ctx)).id, newEmail: uniqueEmail("new") }),
  "team.setInviteReminders": async () => ({ enabled: "false" }),
  "account.updateNotifications": async () => ({ notifications: ["weekly_summary"] }),
  "account.requestEmailChange": async () => ({ newEmail: uniqueEmail("own"), currentPassword: TEST_PASSWORD }),
  "apiKeys.create": async () => ({ name: "Matrix key", permissions: ["users.view"] }),
  "apiKeys.revoke": async (ctx) => {
    const key = await insertApiKey(ctx.partner.caller, {
      partnerId: ctx.partner.partner.id,
      name: "to revoke",
      permissions: ["users.view"],
      expiresAt: null,
      createdById: ctx.partner.admin.id,
    });
    return { apiKeyId: key.id };
  },
  "settings.updateProfile": async () => ({ name: `Renamed ${Date.now()}`, contactEmail: uniqueEmail("org"), phone: "" }),
  "me.get": async () => ({}),
  "products.list": async () => ({}),
  "partners.importCheck": async () => ({ file: partnerCsv() }),
  "partners.import": async () => ({ file: partnerCsv() }),
  ...CUSTOMER_FIXTURES,
  ...VENDOR_FIXTURES,
};

/** Input fields that name a record: another tenant's value must answer "not found". */
export const ID_FIELD = /(Id|Ids|^id)$/;

/**
 * Id fields that point at a record to link to (a manager), not the record the
 * operation acts on: another tenant's value may answer as that field's error
 * ("Choose a manager from the list") instead of "not found". Add yours here.
 */
export const REFERENCE_ID_FIELDS = new Set(["managerId", "productIds", "offeredProductIds"]);

/** Id fields naming shared, non-tenant records (the vendor's product catalog): left out of the other-tenant check. */
export const GLOBAL_ID_FIELDS = new Set(["productId", "productIds", "offeredProductIds"]);

/**
 * What a refused call must leave as it was beyond the cell's partner: vendor
 * staff, partners, links, queued email and the whole audit log (the matrix
 * runs its cells one at a time in its own database).
 */
export async function portalSnapshot() {
  const [staff, partners, tokens, outbox, audit] = await Promise.all([
    db.user.findMany({ where: { kind: "STAFF" }, orderBy: { id: "asc" } }),
    db.partner.findMany({ orderBy: { id: "asc" } }),
    db.userToken.findMany({ orderBy: { id: "asc" }, select: { id: true, usedAt: true, expiresAt: true } }),
    db.outboxEmail.count(),
    db.auditEvent.count(),
  ]);
  return { staff, partners, tokens, outbox, audit };
}

/** The victim partner's rows an attack must leave as they were. */
export async function partnerSnapshot(partnerId: string) {
  const [users, customers, licenses, audit, apiKeys, partner] = await Promise.all([
    db.user.findMany({ where: { partnerId }, orderBy: { id: "asc" } }),
    db.customer.findMany({ where: { partnerId }, orderBy: { id: "asc" } }),
    db.licenseAssignment.count({ where: { subscription: { partnerId } } }),
    db.auditEvent.count({ where: { partnerId } }),
    db.apiKey.findMany({ where: { partnerId }, orderBy: { id: "asc" }, select: { id: true, revokedAt: true, permissions: true, name: true } }),
    db.partner.findUniqueOrThrow({ where: { id: partnerId } }),
  ]);
  return { users, customers, licenses, audit, apiKeys, partner };
}
