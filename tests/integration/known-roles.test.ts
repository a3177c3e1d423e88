// Roles and permissions are the catalog's keys (lib/auth/permissions.ts), and
// the database refuses any other (CHECK constraints, decision 0028): a stale or
// misspelt key written by a script, an import or a bug never reaches a sign-in.
// The catalog and the constraints must agree, so every key is tried.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PARTNER_PERMISSIONS, PARTNER_ROLE_KEYS, STAFF_PERMISSIONS, STAFF_ROLE_KEYS } from "@/lib/auth/permissions";
import { createCustomer } from "../support/customer-factories";
import { createPartner, createPartnerUser, uniqueEmail } from "../support/factories";

function staffUser(role: string | null, permissions: string[] = []) {
  const email = uniqueEmail("staff");
  return db.user.create({ data: { kind: "STAFF", firstName: "Sam", lastName: "Staff", email, emailNormalized: email, role, permissions } });
}

function customerUser(customer: { id: string; partnerId: string }, role: string | null, permissions: string[] = []) {
  const email = uniqueEmail("customer");
  return db.user.create({
    data: { kind: "CUSTOMER", partnerId: customer.partnerId, customerId: customer.id, firstName: "Cy", lastName: "Customer", email, emailNormalized: email, role, permissions },
  });
}

const refused = /User_role_known|User_permissions_known|ApiKey_permissions_known/;

describe("roles and permissions in the database", () => {
  it("stores every partner role and every partner permission of the catalog on a partner user, and nothing else", async () => {
    const { partner } = await createPartner();
    for (const role of PARTNER_ROLE_KEYS) {
      await expect(createPartnerUser(partner.id, { role })).resolves.toMatchObject({ role });
    }
    await expect(createPartnerUser(partner.id, { role: null, permissions: [...PARTNER_PERMISSIONS] })).resolves.toMatchObject({ role: null });

    await expect(createPartnerUser(partner.id, { role: "superuser" })).rejects.toThrow(refused);
    await expect(createPartnerUser(partner.id, { role: "Partner_Admin" })).rejects.toThrow(refused);
    await expect(createPartnerUser(partner.id, { role: "portal_owner" })).rejects.toThrow(refused);
    await expect(createPartnerUser(partner.id, { role: null, permissions: ["users.view", "everything"] })).rejects.toThrow(refused);
    await expect(createPartnerUser(partner.id, { role: null, permissions: ["partners.manage"] })).rejects.toThrow(refused);
  });

  it("refuses an unknown key written onto an existing account, leaving it as it was", async () => {
    const { partner } = await createPartner();
    const member = await createPartnerUser(partner.id, { role: "sales" });
    await expect(db.user.update({ where: { id: member.id }, data: { role: "admin" } })).rejects.toThrow(refused);
    await expect(db.user.update({ where: { id: member.id }, data: { permissions: { push: "users.delete" } } })).rejects.toThrow(refused);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { role: true, permissions: true } })).toEqual({ role: "sales", permissions: [] });
  });

  it("gives vendor staff a staff role, always, with staff permissions only", async () => {
    for (const role of STAFF_ROLE_KEYS) {
      await expect(staffUser(role, [...STAFF_PERMISSIONS])).resolves.toMatchObject({ role });
    }
    await expect(staffUser(null)).rejects.toThrow(refused);
    await expect(staffUser("partner_admin")).rejects.toThrow(refused);
    await expect(staffUser("support", ["users.manage"])).rejects.toThrow(refused);
  });

  it("gives customer users neither a role nor permissions", async () => {
    const { partner } = await createPartner();
    const customer = await createCustomer(partner.id);
    await expect(customerUser(customer, null)).resolves.toMatchObject({ role: null, permissions: [] });
    await expect(customerUser(customer, "read_only")).rejects.toThrow(refused);
    await expect(customerUser(customer, null, ["customers.view"])).rejects.toThrow(refused);
  });

  it("scopes API keys to partner permissions only", async () => {
    const { partner } = await createPartner();
    const key = (permissions: string[]) =>
      db.apiKey.create({ data: { partnerId: partner.id, name: "CRM", prefix: randomUUID().slice(0, 12), keyHash: randomUUID(), permissions } });
    await expect(key([...PARTNER_PERMISSIONS])).resolves.toMatchObject({ permissions: [...PARTNER_PERMISSIONS] });
    await expect(key(["audit.view.all"])).rejects.toThrow(refused);
    await expect(key(["customers.view", "root"])).rejects.toThrow(refused);
  });
});
