import "server-only";
import { db, type Prisma } from "../db/client.ts";
import { auditDiff, recordAudit } from "../audit/record.ts";
import { NotFoundError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { parseCustomerNumber } from "./format.ts";
import { readId } from "../http/params.ts";
import { numberedPage } from "../lists/numbered-page.ts";
import type { CustomerInput, UpdateCustomerInput } from "./schemas.ts";

const CUSTOMERS_PAGE_SIZE = 25;

const customerSelect = {
  id: true,
  number: true,
  type: true,
  name: true,
  contactEmail: true,
  phone: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  country: true,
  createdAt: true,
} satisfies Prisma.CustomerSelect;

function customerData(input: CustomerInput) {
  return {
    type: input.type,
    name: input.name,
    contactEmail: input.contactEmail,
    phone: input.phone,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    city: input.city,
    postalCode: input.postalCode,
    country: input.country,
  };
}

export async function createCustomer(caller: PartnerCaller, input: CustomerInput) {
  requirePermission(caller, "customers.manage");
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.create({
      data: { partnerId: caller.partnerId, ...customerData(input) },
      select: customerSelect,
    });
    await recordAudit(tx, caller, {
      action: "customer.created",
      target: { type: "customer", id: customer.id },
      changes: { name: input.name, type: input.type },
    });
    return customer;
  });
}

export async function updateCustomer(caller: PartnerCaller, input: UpdateCustomerInput) {
  requirePermission(caller, "customers.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId }, select: customerSelect });
    if (!before) throw new NotFoundError("That customer doesn't exist.");
    const data = customerData(input);
    const customer = await tx.customer.update({ where: { id: before.id }, data, select: customerSelect });
    await recordAudit(tx, caller, { action: "customer.updated", target: { type: "customer", id: customer.id }, changes: auditDiff(before, data) });
    return customer;
  });
}

export async function getCustomerOrThrow(caller: PartnerCaller, customerId: string) {
  requirePermission(caller, "customers.view");
  // An id that can't exist is "not found" before it reaches the database (DESIGN §10).
  if (!readId(customerId)) throw new NotFoundError("That customer doesn't exist.");
  const customer = await db.customer.findFirst({ where: { id: customerId, partnerId: caller.partnerId }, select: customerSelect });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  return customer;
}

/** Customers of the caller's partner, searched by name, contact email or customer ID (C-000123, c-123, 123). */
export async function listCustomers(caller: PartnerCaller, options: { query?: string; page?: number; pageSize?: number } = {}) {
  requirePermission(caller, "customers.view");
  const query = options.query?.trim() ?? "";
  const pageSize = options.pageSize ?? CUSTOMERS_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const number = parseCustomerNumber(query);
  const where: Prisma.CustomerWhereInput = {
    partnerId: caller.partnerId,
    ...(query
      ? {
          OR: [
            { name: { contains: query, mode: "insensitive" } },
            { contactEmail: { contains: query, mode: "insensitive" } },
            ...(number ? [{ number }] : []),
          ],
        }
      : {}),
  };
  const { rows: customers, ...pages } = await numberedPage(page, pageSize, {
    count: () => db.customer.count({ where }),
    rows: (window) =>
      db.customer.findMany({
        where,
        orderBy: [{ name: "asc" }, { id: "asc" }],
        ...window,
        select: { ...customerSelect, _count: { select: { users: { where: { deletedAt: null } } } } },
      }),
  });
  return { customers, ...pages };
}

/** The customer's subscriptions with seat counts, for the users page and the license dialog. */
export async function listSubscriptions(caller: PartnerCaller, customerId: string) {
  requirePermission(caller, "customers.view");
  return db.subscription.findMany({
    where: { customerId, partnerId: caller.partnerId },
    orderBy: { product: { name: "asc" } },
    select: { id: true, purchased: true, assigned: true, product: { select: { id: true, code: true, name: true } } },
  });
}
