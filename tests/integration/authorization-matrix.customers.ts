// Matrix fixtures (authorization-matrix.fixtures.ts) for the customers,
// customer users, licenses and orders operations: valid input on fresh data
// of the partner the cell runs in.
import { deleteCustomerUsers, resetCustomerUserPassword } from "@/lib/customers/customer-users";
import { uniqueEmail } from "../support/factories";
import { createCustomerUser, createCustomerWithSubscription } from "../support/customer-factories";
import type { Fixture, FixtureContext } from "./authorization-matrix.fixtures";

/** A customer of the cell's partner with 5 seats of a fresh product, and one user holding none. */
async function setup(ctx: FixtureContext) {
  const { customer, product, subscription } = await createCustomerWithSubscription(ctx.partner.partner.id, 5);
  const user = await createCustomerUser(customer);
  return { customer, product, subscription, user };
}

const company = () => ({ type: "COMPANY", companyName: "Matrix Co", contactEmail: uniqueEmail("mxc") });

export const CUSTOMER_FIXTURES: Record<string, Fixture> = {
  "customers.list": async () => ({}),
  "customers.get": async (ctx) => ({ customerId: (await setup(ctx)).customer.id }),
  "customers.listSubscriptions": async (ctx) => ({ customerId: (await setup(ctx)).customer.id }),
  "customers.create": async () => company(),
  "customers.update": async (ctx) => ({ customerId: (await setup(ctx)).customer.id, ...company() }),
  "customers.patch": async (ctx) => ({ customerId: (await setup(ctx)).customer.id, city: "Lyon" }),
  "customerUsers.list": async (ctx) => ({ customerId: (await setup(ctx)).customer.id }),
  "customerUsers.listDeleted": async (ctx) => ({ customerId: (await setup(ctx)).customer.id }),
  "customerUsers.selectMatching": async (ctx) => ({ customerId: (await setup(ctx)).customer.id }),
  "customerUsers.add": async (ctx) => {
    const { customer, product } = await setup(ctx);
    return { customerId: customer.id, firstName: "Matrix", lastName: "User", email: uniqueEmail("mxu"), productIds: [product.id] };
  },
  "customerUsers.resetPassword": async (ctx) => {
    const { customer, user } = await setup(ctx);
    return { customerId: customer.id, userId: user.id };
  },
  "customerUsers.delete": async (ctx) => {
    const { customer, user } = await setup(ctx);
    return { customerId: customer.id, userId: user.id };
  },
  "customerUsers.deleteMany": async (ctx) => {
    const { customer, user } = await setup(ctx);
    return { customerId: customer.id, userIds: [user.id] };
  },
  "customerUsers.restore": async (ctx) => {
    const { customer, user } = await setup(ctx);
    await deleteCustomerUsers(ctx.partner.caller, customer.id, [user.id]);
    return { customerId: customer.id, userId: user.id };
  },
  "customerUsers.restoreMany": async (ctx) => {
    const { customer, user } = await setup(ctx);
    await deleteCustomerUsers(ctx.partner.caller, customer.id, [user.id]);
    return { customerId: customer.id, userIds: [user.id] };
  },
  "customerUsers.emailCredentials": async (ctx) => {
    const { customer, user } = await setup(ctx);
    const credential = await resetCustomerUserPassword(ctx.partner.caller, customer.id, user.id);
    return { customerId: customer.id, temporaryPasswords: JSON.stringify([{ userId: user.id, temporaryPassword: credential.temporaryPassword }]) };
  },
  "customerUsers.import": async (ctx) => {
    const { customer, product } = await setup(ctx);
    const csv = `First name,Last name,Email,Phone,Licenses\r\nMatrix,Import,${uniqueEmail("mxi")},,${product.code}\r\n`;
    return { customerId: customer.id, intent: "import", file: new File([csv], "users.csv", { type: "text/csv" }) };
  },
  "customerUsers.update": async (ctx) => {
    const { customer, user } = await setup(ctx);
    return { customerId: customer.id, userId: user.id, firstName: "Matrix", lastName: "Renamed", phone: "" };
  },
  "customerUsers.requestEmailChange": async (ctx) => {
    const { customer, user } = await setup(ctx);
    return { customerId: customer.id, userId: user.id, newEmail: uniqueEmail("mxe") };
  },
  "customerUsers.resendWelcome": async (ctx) => {
    // Someone welcomed by email who hasn't activated yet: the one a welcome email can be resent to.
    const { customer } = await setup(ctx);
    const user = await createCustomerUser(customer, { status: "INVITED" });
    return { customerId: customer.id, userId: user.id };
  },
  "licenses.manage": async (ctx) => {
    const { customer, product, user } = await setup(ctx);
    return { customerId: customer.id, userIds: [user.id], productIds: [product.id], offeredProductIds: [product.id] };
  },
  "licenses.preview": async (ctx) => {
    const { customer, product, user } = await setup(ctx);
    return { customerId: customer.id, userIds: [user.id], productIds: [product.id], offeredProductIds: [product.id] };
  },
  "licenses.set": async (ctx) => {
    const { customer, product, user } = await setup(ctx);
    return { customerId: customer.id, userId: user.id, productCodes: [product.code] };
  },
  "licenses.bulk": async (ctx) => {
    const { customer, product, user } = await setup(ctx);
    return { customerId: customer.id, assign: [{ userId: user.id, productCode: product.code }] };
  },
  "orders.review": async (ctx) => {
    const { customer, product } = await setup(ctx);
    return { customerId: customer.id, [`seats:${product.id}`]: "2" };
  },
  "orders.place": async (ctx) => {
    const { customer, product } = await setup(ctx);
    return { customerId: customer.id, [`seats:${product.id}`]: "2" };
  },
  "orders.create": async (ctx) => {
    const { customer, product } = await setup(ctx);
    return { customerId: customer.id, items: [{ productCode: product.code, seats: 2 }] };
  },
};
