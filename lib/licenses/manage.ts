import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { releaseSeat, takeSeat } from "./seats.ts";
import { recordLicenseChanges } from "../notifications/events.ts";

export type LicenseChangeResult = {
  userId: string;
  name: string;
  assigned: string[];
  revoked: string[];
  /** Products that could not be assigned: no free seat. */
  refused: string[];
};

/**
 * Bulk "Manage licenses" (DESIGN §5): for every selected user, each product
 * in `changedProductIds` ends up held if it is in `wantedProductIds` and not
 * held otherwise; other products are left alone. Revocations run first so
 * their seats are free for the assignments. One transaction; each user's
 * outcome is reported.
 */
export async function changeLicenses(
  caller: PartnerCaller,
  input: { customerId: string; userIds: string[]; wantedProductIds: string[]; changedProductIds: string[] },
): Promise<LicenseChangeResult[]> {
  requirePermission(caller, "licenses.manage");
  const changed = new Set(input.changedProductIds);
  const wanted = new Set(input.wantedProductIds.filter((id) => changed.has(id)));
  if (changed.size === 0) throw ValidationError.field("productIds", "Tick or untick at least one product.");

  const results = await db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId }, select: { id: true, name: true } });
    if (!customer) throw new NotFoundError("That customer doesn't exist.");
    const subscriptions = await tx.subscription.findMany({
      where: { customerId: customer.id, partnerId: caller.partnerId, productId: { in: [...changed] } },
      orderBy: { product: { name: "asc" } },
      select: { id: true, productId: true, product: { select: { name: true } } },
    });
    if (subscriptions.length !== changed.size) throw ValidationError.field("productIds", "Choose products from this customer's subscriptions.");
    const users = await tx.user.findMany({
      where: { id: { in: input.userIds }, customerId: customer.id, partnerId: caller.partnerId, kind: "CUSTOMER", deletedAt: null },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      select: { id: true, firstName: true, lastName: true, licenses: { select: { subscriptionId: true } } },
    });
    if (users.length !== new Set(input.userIds).size) throw new NotFoundError("Some of those users don't exist.");

    const out = new Map<string, LicenseChangeResult>(
      users.map((user) => [user.id, { userId: user.id, name: `${user.firstName} ${user.lastName}`, assigned: [], revoked: [], refused: [] }]),
    );
    for (const subscription of subscriptions.filter((s) => !wanted.has(s.productId))) {
      for (const user of users) {
        if (await releaseSeat(tx, caller.partnerId, subscription.id, user.id)) out.get(user.id)!.revoked.push(subscription.product.name);
      }
    }
    for (const subscription of subscriptions.filter((s) => wanted.has(s.productId))) {
      for (const user of users) {
        const result = await takeSeat(tx, caller.partnerId, subscription.id, user.id);
        if (result === "assigned") out.get(user.id)!.assigned.push(subscription.product.name);
        if (result === "no_seat") out.get(user.id)!.refused.push(subscription.product.name);
      }
    }
    for (const result of out.values()) {
      if (result.assigned.length + result.revoked.length + result.refused.length === 0) continue;
      await recordAudit(tx, caller, {
        action: "license.changed",
        target: { type: "user", id: result.userId },
        changes: { assigned: result.assigned, revoked: result.revoked, refused: result.refused },
      });
    }
    await recordLicenseChanges(
      tx,
      caller,
      [...out.values()].map((r) => ({ customerId: customer.id, customerName: customer.name, userName: r.name, assigned: r.assigned, revoked: r.revoked })),
    );
    return [...out.values()];
  });
  wakeOutboxWorker();
  return results;
}

/** A single assignment, as the API and the race test use it. */
export async function assignLicense(caller: PartnerCaller, input: { userId: string; subscriptionId: string }) {
  requirePermission(caller, "licenses.manage");
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: input.userId, partnerId: caller.partnerId, kind: "CUSTOMER", deletedAt: null },
      select: { id: true, customerId: true, firstName: true, lastName: true },
    });
    const subscription = await tx.subscription.findFirst({
      where: { id: input.subscriptionId, partnerId: caller.partnerId, customerId: user?.customerId ?? undefined },
      select: { id: true, customer: { select: { id: true, name: true } }, product: { select: { name: true } } },
    });
    if (!user || !subscription) throw new NotFoundError();
    const outcome = await takeSeat(tx, caller.partnerId, subscription.id, user.id);
    if (outcome === "assigned") {
      await recordAudit(tx, caller, { action: "license.assigned", target: { type: "user", id: user.id }, changes: { subscriptionId: subscription.id } });
      await recordLicenseChanges(tx, caller, [
        {
          customerId: subscription.customer.id,
          customerName: subscription.customer.name,
          userName: `${user.firstName} ${user.lastName}`,
          assigned: [subscription.product.name],
          revoked: [],
        },
      ]);
    }
    return outcome;
  }, { maxWait: 15_000 }); // a burst of assignments queues for the connection pool rather than failing
  wakeOutboxWorker();
  return result;
}

export type LicensePreview = { productId: string; name: string; needed: number; free: number };

/** What "Manage licenses" would need before saving: seats needed against seats free, per ticked product. */
export async function previewLicenseChanges(
  caller: PartnerCaller,
  input: { customerId: string; userIds: string[]; wantedProductIds: string[] },
): Promise<LicensePreview[]> {
  requirePermission(caller, "licenses.manage");
  const subscriptions = await db.subscription.findMany({
    where: { customerId: input.customerId, partnerId: caller.partnerId, productId: { in: input.wantedProductIds } },
    select: { id: true, productId: true, purchased: true, assigned: true, product: { select: { name: true } } },
  });
  return Promise.all(
    subscriptions.map(async (subscription) => ({
      productId: subscription.productId,
      name: subscription.product.name,
      free: subscription.purchased - subscription.assigned,
      needed: await db.user.count({
        where: {
          id: { in: input.userIds },
          customerId: input.customerId,
          partnerId: caller.partnerId,
          kind: "CUSTOMER",
          deletedAt: null,
          licenses: { none: { subscriptionId: subscription.id } },
        },
      }),
    })),
  );
}
