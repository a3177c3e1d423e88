import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCustomer, getCustomerOrThrow, listCustomers, listSubscriptions, updateCustomer } from "@/lib/customers/customers";
import { CustomerInput, CustomerUserInput, UpdateCustomerInput } from "@/lib/customers/schemas";
import { addCustomerUser } from "@/lib/customers/customer-users";
import { changeLicenses } from "@/lib/licenses/manage";
import { placeOrder } from "@/lib/orders/orders";
import { OrderInput } from "@/lib/orders/schemas";
import { formatCustomerNumber } from "@/lib/customers/format";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { callerFor, createPartner, createPartnerUser, uniqueEmail } from "../support/factories";
import { createProduct } from "../support/customer-factories";

const company = (overrides: Record<string, unknown> = {}) =>
  CustomerInput.parse({ type: "COMPANY", companyName: "Fabrikam Dental", contactEmail: uniqueEmail("it"), phone: "+44 20 7946 0958", ...overrides });

describe("customers", () => {
  it("creates companies and individuals with the fields of their type", async () => {
    const { caller, partner } = await createPartner();
    const created = await createCustomer(caller, company());
    expect(created).toMatchObject({ type: "COMPANY", name: "Fabrikam Dental", phone: "+442079460958" });
    const person = await createCustomer(caller, CustomerInput.parse({ type: "INDIVIDUAL", firstName: "Maria", lastName: "Lopez", contactEmail: uniqueEmail("m") }));
    expect(person.name).toBe("Maria Lopez");
    expect(await db.auditEvent.count({ where: { action: "customer.created", partnerId: partner.id } })).toBe(2);

    const missing = CustomerInput.safeParse({ type: "INDIVIDUAL", contactEmail: "x" });
    expect(missing.error!.issues.map((i) => i.path[0]).sort()).toEqual(["contactEmail", "firstName", "lastName"]);
    expect(CustomerInput.safeParse({ type: "COMPANY", contactEmail: uniqueEmail() }).error!.issues[0].path).toEqual(["companyName"]);
  });

  it("searches by name, email or customer ID in any common spelling, and paginates", async () => {
    const { caller } = await createPartner();
    const target = await createCustomer(caller, company({ companyName: "Tailspin Logistics", contactEmail: uniqueEmail("office") }));
    for (let i = 0; i < 3; i++) await createCustomer(caller, company({ companyName: `Other ${i}` }));
    const names = async (query: string) => (await listCustomers(caller, { query })).customers.map((c) => c.name);
    expect(await names("tailspin")).toEqual(["Tailspin Logistics"]);
    expect(await names(target.contactEmail.slice(0, 12).toUpperCase())).toEqual(["Tailspin Logistics"]);
    for (const id of [formatCustomerNumber(target.number), `c-${target.number}`, String(target.number)]) {
      expect(await names(id)).toContain("Tailspin Logistics");
    }
    const page = await listCustomers(caller, { pageSize: 3, page: 2 });
    expect(page).toMatchObject({ total: 4, pageCount: 2, page: 2 });
    expect(page.customers).toHaveLength(1);
  });

  it("edits a customer and records what changed", async () => {
    const { caller } = await createPartner();
    const created = await createCustomer(caller, company());
    await updateCustomer(caller, UpdateCustomerInput.parse({ customerId: created.id, type: "COMPANY", companyName: "Fabrikam Group", contactEmail: created.contactEmail }));
    expect((await getCustomerOrThrow(caller, created.id)).name).toBe("Fabrikam Group");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "customer.updated", targetId: created.id } });
    expect(audit.changes).toMatchObject({ name: { from: created.name, to: "Fabrikam Group" }, phone: { from: created.phone, to: null } });
  });

  it("keeps every customer query and change inside the caller's partner", async () => {
    const a = await createPartner();
    const b = await createPartner();
    const customer = await createCustomer(a.caller, company({ companyName: "Secret Co" }));
    await expect(getCustomerOrThrow(b.caller, customer.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateCustomer(b.caller, UpdateCustomerInput.parse({ customerId: customer.id, type: "COMPANY", companyName: "Hijacked", contactEmail: uniqueEmail() })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCustomers(b.caller, { query: "Secret" })).customers).toEqual([]);
    expect((await listCustomers(b.caller, { query: String(customer.number) })).customers).toEqual([]);
    expect(await listSubscriptions(b.caller, customer.id)).toEqual([]);
    expect((await getCustomerOrThrow(a.caller, customer.id)).name).toBe("Secret Co");
  });
});

describe("permissions inside the domain", () => {
  it("lets each role do what DESIGN §3 grants and refuses the rest", async () => {
    const { partner, caller: admin } = await createPartner();
    const customer = await createCustomer(admin, company());
    const product = await createProduct();
    const sales = callerFor(await createPartnerUser(partner.id, { role: "sales" }));
    const reader = callerFor(await createPartnerUser(partner.id, { role: "read_only" }));

    await expect(createCustomer(reader, company())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCustomers(reader)).resolves.toMatchObject({ total: 1 });
    const order = OrderInput.parse({ customerId: customer.id, [`seats:${product.id}`]: "2" });
    await expect(placeOrder(reader, order)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(placeOrder(sales, order)).resolves.toMatchObject({ customer: { id: customer.id } });
    await expect(
      changeLicenses(sales, { customerId: customer.id, userIds: [], wantedProductIds: [], changedProductIds: [product.id] }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addCustomerUser(sales, CustomerUserInput.parse({ customerId: customer.id, firstName: "A", lastName: "B", email: uniqueEmail() })),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
