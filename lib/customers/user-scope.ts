import "server-only";
import type { Prisma } from "../db/client.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { restorableDeletedAt } from "../accounts/soft-delete.ts";

// Which customer users a caller may reach (DESIGN §1, §4): the users of one
// of the caller's customers, in the caller's tenant. Every query of customer
// users starts from one of these, so another tenant's user, or a user of
// another customer, is "not found". Add the query's own conditions next to it:
//   where: { id: userId, ...liveCustomerUsers(caller, customerId) }

const ofCustomer = (caller: PartnerCaller, customerId: string) =>
  ({ partnerId: caller.partnerId, customerId, kind: "CUSTOMER" }) satisfies Prisma.UserWhereInput;

/** The customer's users that aren't deleted. */
export const liveCustomerUsers = (caller: PartnerCaller, customerId: string) =>
  ({ ...ofCustomer(caller, customerId), deletedAt: null }) satisfies Prisma.UserWhereInput;

/** The customer's deleted users that can still be restored (lib/accounts/soft-delete.ts). */
export const restorableCustomerUsers = (caller: PartnerCaller, customerId: string, now = new Date()) =>
  ({ ...ofCustomer(caller, customerId), deletedAt: restorableDeletedAt(now) }) satisfies Prisma.UserWhereInput;
