import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteCustomerUsers, listCustomerUsers, listMatchingCustomerUserIds } from "@/lib/customers/customer-users";
import { CustomerUsersSelectionInput, ManageLicensesInput } from "@/lib/customers/schemas";
import { MAX_ORDER_LINES, OrderInput } from "@/lib/orders/schemas";
import { getCustomerOrThrow } from "@/lib/customers/customers";
import { getTeamNoticeName, listTeamPage } from "@/lib/team/queries";
import { listAuditEvents, readAuditFilters } from "@/lib/audit/queries";
import { TeamListFilters } from "@/lib/team/schemas";
import { readSearchParams } from "@/lib/http/params";
import { AppError, NotFoundError } from "@/lib/errors";
import { createPartner, createPartnerUser } from "../support/factories";
import { createCustomer, createCustomerUser } from "../support/customer-factories";

// What pages and actions pass to the data layer after reading a hostile URL
// reaches real PostgreSQL without an error: no NUL (22021), no malformed
// uuid, no offset or date out of range.
const nasty = (length: number) => `a\u0000b${"x".repeat(length)}`;

describe("list queries with hostile input", () => {
  it("customer users: a NUL search, a license that isn't an id and a limit of 1e300 list the first page", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    await createCustomerUser(customer, { firstName: "Ann", lastName: "Archer" });
    const result = await listCustomerUsers(caller, customer.id, { filters: { query: "\u0000", license: "-".repeat(36), status: "<script>" }, limit: 1e300 });
    expect(result).toMatchObject({ rows: [{ firstName: "Ann" }], nextCursor: null });
    // A cursor the list didn't write (a NUL in a name, not base64, too long) is a field error, never a query.
    const forged = Buffer.from(JSON.stringify({ l: "a\u0000", f: "b", i: "00000000-0000-0000-0000-000000000000" })).toString("base64url");
    for (const cursor of [forged, "%%%", "x".repeat(5000)]) {
      await expect(listCustomerUsers(caller, customer.id, { cursor })).rejects.toMatchObject({ code: "VALIDATION" });
    }
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

describe("bulk forms posted with hostile lists", () => {
  it("70,000 selected users are a field error next to the selection, before any query (Postgres takes at most 65,535 values)", async () => {
    const { partner, caller } = await createPartner();
    const customer = await createCustomer(partner.id);
    // What a form posting the field 70,000 times gives the action's schema.
    const ids = Array.from({ length: 70_000 }, () => randomUUID());
    for (const schema of [CustomerUsersSelectionInput, ManageLicensesInput]) {
      const parsed = schema.safeParse({ customerId: customer.id, userIds: ids });
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["userIds", "Select at most 10,000 at once."]]);
    }
    // What the schema keeps from the data layer: that query can't even be run.
    await expect(deleteCustomerUsers(caller, customer.id, ids)).rejects.not.toBeInstanceOf(AppError);
    // The most "select all matching" gives is still accepted.
    expect(CustomerUsersSelectionInput.safeParse({ customerId: customer.id, userIds: ids.slice(0, 10_000) }).data?.userIds).toHaveLength(10_000);
  }, 60_000);
});

describe("an order form posted with hostile lines", () => {
  it("70,000 seat fields are one error on the form, before any query", async () => {
    const { partner } = await createPartner();
    const customer = await createCustomer(partner.id);
    const raw: Record<string, string> = { customerId: customer.id };
    for (let i = 0; i < 70_000; i++) raw[`seats:${randomUUID()}`] = "1";
    const parsed = OrderInput.safeParse(raw);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["_form", `An order can list at most ${MAX_ORDER_LINES.toLocaleString("en")} products.`],
    ]);
  }, 60_000);
});
