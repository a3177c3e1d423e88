import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listCustomerUsers, listMatchingCustomerUserIds } from "@/lib/customers/customer-users";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { getTeamNoticeName, listTeamPage } from "@/lib/team/queries";
import { listAuditEvents, readAuditFilters } from "@/lib/audit/queries";
import { TeamListFilters } from "@/lib/team/schemas";
import { readSearchParams } from "@/lib/http/params";
import { NotFoundError } from "@/lib/errors";
import { createPartner, createPartnerUser } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";

// What pages and actions pass to the data layer after reading a hostile URL
// reaches real PostgreSQL without an error: no NUL (22021), no malformed
// uuid, no offset or date out of range.
const nasty = (length: number) => `a\u0000b${"x".repeat(length)}`;

describe("list queries with hostile input", () => {
  it("customer users: a NUL search, a license that isn't an id and a page of 1e300 list page 1", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    await createCustomerUser(customer, { firstName: "Ann", lastName: "Archer" });
    const result = await listCustomerUsers(caller, customer.id, { query: "\u0000", license: "-".repeat(36), status: "<script>", page: 1e300 });
    expect(result).toMatchObject({ page: 1, total: 1 });
    // "Select all matching" (a server action) goes through the same where clause.
    expect(await listMatchingCustomerUserIds(caller, customer.id, { query: nasty(10), license: "not-a-uuid" })).toHaveLength(0);
  });

  it("a customer id that can't exist is not found, before any query", async () => {
    const { caller } = await createPartner();
    for (const id of ["not-a-uuid", "-".repeat(36), "\u0000"]) {
      await expect(getCustomerOrThrow(caller, id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("team: a crafted cursor and an over-long search list from the top", async () => {
    const { partner, caller } = await createPartner();
    const cursor = Buffer.from(JSON.stringify({ l: "\u0000", f: "x", s: "+275760-09-13", i: "00000000-0000-0000-0000-000000000000" })).toString("base64url");
    const { values } = readSearchParams({ q: nasty(300), after: cursor, sort: "lastSignIn" }, TeamListFilters);
    const page = await listTeamPage(caller, values);
    expect(page.members).toHaveLength(0);
    for (const sort of ["name", "lastSignIn"] as const) {
      expect((await listTeamPage(caller, { ...values, q: undefined, sort })).members.map((m) => m.firstName)).toEqual(["Alice"]);
    }
    const bob = await createPartnerUser(partner.id, { firstName: "Bob", lastName: "Bee" });
    expect(await getTeamNoticeName(caller, bob.id, "user-restored")).toBe("Bob Bee");
    expect(await getTeamNoticeName(caller, bob.id, "user-deleted")).toBeNull();
    const stranger = await createPartner();
    expect(await getTeamNoticeName(stranger.caller, bob.id, "user-restored")).toBeNull();
    await db.user.update({ where: { id: bob.id }, data: { deletedAt: new Date() } });
    expect(await getTeamNoticeName(caller, bob.id, "user-deleted")).toBe("Bob Bee");
  });

  it("audit: dates out of range are reported, a huge cursor and a NUL actor still list", async () => {
    const { partner } = await createPartner();
    const { filters, problems } = readAuditFilters({ to: "+275760-09-13", from: "2026-01-01", before: "99999999999999999999999", actor: "\u0000", target: nasty(5) });
    expect(problems).toEqual({ to: ["Enter a date like 2026-11-26."] });
    await expect(listAuditEvents({ partnerId: partner.id }, filters)).resolves.toMatchObject({ events: [] });
  });
});
