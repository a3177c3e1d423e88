import "server-only";
import { db } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { releaseSeat, SEAT_TRANSACTION, takeSeat } from "./seats.ts";
import { liveCustomerUsers } from "../customers/user-scope.ts";
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
  /** `allOrNothing`: a product without a free seat refuses the whole change (409), nothing written. */
  options: { allOrNothing?: boolean } = {},
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
    if (subscriptions.length !== changed.size) {
      // Named by the list holding the stranger: the ticked products, or (a hand-made request) the offered ones.
      const known = new Set(subscriptions.map((s) => s.productId));
      const unknownTicked = input.wantedProductIds.some((id) => changed.has(id) && !known.has(id));
      throw ValidationError.field(unknownTicked ? "productIds" : "offeredProductIds", "Choose products from this customer's subscriptions.");
    }
    const users = await tx.user.findMany({
      where: { id: { in: input.userIds }, ...liveCustomerUsers(caller, customer.id) },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      select: { id: true, firstName: true, lastName: true, licenses: { select: { subscriptionId: true } } },
    });
    if (users.length !== new Set(input.userIds).size) throw new NotFoundError("Some of those users don't exist.");

    const out: LicenseChangeResult[] = users.map((user) => ({ userId: user.id, name: `${user.firstName} ${user.lastName}`, assigned: [], revoked: [], refused: [] }));
    for (const subscription of subscriptions.filter((s) => !wanted.has(s.productId))) {
      for (const change of out) {
        if (await releaseSeat(tx, caller.partnerId, subscription.id, change.userId)) change.revoked.push(subscription.product.name);
      }
    }
    for (const subscription of subscriptions.filter((s) => wanted.has(s.productId))) {
      for (const change of out) {
        const result = await takeSeat(tx, caller.partnerId, subscription.id, change.userId);
        if (result === "assigned") change.assigned.push(subscription.product.name);
        if (result === "no_seat") change.refused.push(subscription.product.name);
      }
    }
    const short = [...new Set(out.flatMap((result) => result.refused))];
    if (options.allOrNothing && short.length) throw new ConflictError(`No free seat left for ${short.join(", ")}. Order more seats or leave it out.`);
    for (const result of out) {
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
      out.map((r) => ({ customerId: customer.id, customerName: customer.name, userName: r.name, assigned: r.assigned, revoked: r.revoked })),
    );
    return out;
  }, SEAT_TRANSACTION);
  wakeOutboxWorker();
  return results;
}

export type LicensePreview = { productId: string; name: string; needed: number; free: number };

/** What "Manage licenses" would need before saving: seats needed against seats free, per ticked product. */
export async function previewLicenseChanges(
  caller: PartnerCaller,
  input: { customerId: string; userIds: string[]; wantedProductIds: string[]; offeredProductIds: string[] },
): Promise<LicensePreview[]> {
  requirePermission(caller, "licenses.manage");
  const customer = await db.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId }, select: { id: true } });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  const all = await db.subscription.findMany({
    where: { customerId: customer.id, partnerId: caller.partnerId, productId: { in: [...input.wantedProductIds, ...input.offeredProductIds] } },
    select: { id: true, productId: true, purchased: true, assigned: true, product: { select: { name: true } } },
  });
  const userIds = [...new Set(input.userIds)];
  const users = await db.user.count({ where: { id: { in: userIds }, ...liveCustomerUsers(caller, customer.id) } });
  if (users !== userIds.length) throw new NotFoundError("Some of those users don't exist.");
  const known = new Set(all.map((s) => s.productId));
  for (const field of ["productIds", "offeredProductIds"] as const) {
    const ids = field === "productIds" ? input.wantedProductIds : input.offeredProductIds;
    if (ids.some((id) => !known.has(id))) throw ValidationError.field(field, "Choose products from this customer's subscriptions.");
  }
  // Only the products the dialog offered can change.
  const subscriptions = all.filter((s) => input.wantedProductIds.includes(s.productId) && input.offeredProductIds.includes(s.productId));
  return Promise.all(
    subscriptions.map(async (subscription) => ({
      productId: subscription.productId,
      name: subscription.product.name,
      free: subscription.purchased - subscription.assigned,
      needed: await db.user.count({
        where: {
          id: { in: input.userIds },
          ...liveCustomerUsers(caller, input.customerId),
          licenses: { none: { subscriptionId: subscription.id } },
        },
      }),
    })),
  );
}

/**
 * PUT a user's licenses (the API): the user ends up holding exactly the
 * products named by `productCodes` among the customer's subscriptions; a code
 * the customer has no subscription for is a field error; a product without
 * a free seat refuses the whole change (409). Built on changeLicenses.
 */
export async function setUserLicenses(caller: PartnerCaller, input: { customerId: string; userId: string; productCodes: string[] }) {
  requirePermission(caller, "licenses.manage");
  const customer = await db.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId }, select: { id: true } });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  const user = await db.user.findFirst({
    where: { id: input.userId, ...liveCustomerUsers(caller, customer.id) },
    select: { id: true, firstName: true, lastName: true },
  });
  if (!user) throw new NotFoundError("That user doesn't exist.");
  const subscriptions = await db.subscription.findMany({
    where: { customerId: customer.id, partnerId: caller.partnerId },
    select: { productId: true, product: { select: { code: true } } },
  });
  const byCode = new Map(subscriptions.map((s) => [s.product.code.toLowerCase(), s.productId]));
  const wantedProductIds: string[] = [];
  const unknown: string[] = [];
  for (const code of input.productCodes) {
    const productId = byCode.get(code.toLowerCase());
    if (productId) wantedProductIds.push(productId);
    else unknown.push(code);
  }
  if (unknown.length) throw ValidationError.field("productCodes", `This customer has no subscription for ${unknown.join(", ")}.`);
  let result: LicenseChangeResult = { userId: user.id, name: `${user.firstName} ${user.lastName}`, assigned: [], revoked: [], refused: [] };
  if (subscriptions.length > 0) {
    [result] = await changeLicenses(
      caller,
      {
        customerId: customer.id,
        userIds: [user.id],
        wantedProductIds,
        changedProductIds: subscriptions.map((s) => s.productId),
      },
      { allOrNothing: true },
    );
  }
  const held = await db.licenseAssignment.findMany({
    where: { userId: user.id, subscription: { partnerId: caller.partnerId } },
    select: { subscription: { select: { product: { select: { code: true } } } } },
  });
  return { ...result, productCodes: held.map((h) => h.subscription.product.code).sort() };
}

export type LicenseItem = { userId: string; productCode: string };
type LicenseItemResult = LicenseItem & { result: "assigned" | "already_held" | "no_seat" | "revoked" | "not_held" };
type CheckedLicenseItem = {
  item: LicenseItem;
  change: { assigned: string[]; revoked: string[]; refused: string[] };
  subscription: { id: string; product: { name: string } };
};

/**
 * Bulk assign and revoke by (user, product code) pairs (the API): every
 * reference is checked first (another customer's or tenant's user → not
 * found; a code without a subscription → a field error at the item), then,
 * in one transaction, revocations run before assignments so their seats are
 * free, and each item reports its own outcome (a missing seat refuses that
 * item only).
 */
export async function applyLicenseItems(caller: PartnerCaller, input: { customerId: string; assign: LicenseItem[]; revoke: LicenseItem[] }) {
  requirePermission(caller, "licenses.manage");
  if (input.assign.length + input.revoke.length === 0) throw ValidationError.field("assign", "List at least one license to assign or revoke.");
  const results = await db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: input.customerId, partnerId: caller.partnerId }, select: { id: true, name: true } });
    if (!customer) throw new NotFoundError("That customer doesn't exist.");
    const subscriptions = await tx.subscription.findMany({
      where: { customerId: customer.id, partnerId: caller.partnerId },
      select: { id: true, product: { select: { code: true, name: true } } },
    });
    const byCode = new Map(subscriptions.map((s) => [s.product.code.toLowerCase(), s]));
    const userIds = [...new Set([...input.assign, ...input.revoke].map((item) => item.userId))];
    const users = await tx.user.findMany({
      where: { id: { in: userIds }, ...liveCustomerUsers(caller, customer.id) },
      select: { id: true, firstName: true, lastName: true },
    });
    const changes = new Map(users.map((user) => [user.id, { name: `${user.firstName} ${user.lastName}`, assigned: [] as string[], revoked: [] as string[], refused: [] as string[] }]));
    // Each item with its user's change record and its subscription, once every reference is known to exist.
    const fieldErrors: FieldErrors = {};
    const checked = { assign: [] as CheckedLicenseItem[], revoke: [] as CheckedLicenseItem[] };
    for (const list of ["assign", "revoke"] as const) {
      input[list].forEach((item, i) => {
        const change = changes.get(item.userId);
        if (!change) throw new NotFoundError("Some of those users don't exist.");
        const subscription = byCode.get(item.productCode.toLowerCase());
        if (!subscription) fieldErrors[`${list}.${i}.productCode`] = [`This customer has no subscription for ${item.productCode}.`];
        else checked[list].push({ item, change, subscription });
      });
    }
    if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);

    const revoke: LicenseItemResult[] = [];
    for (const { item, change, subscription } of checked.revoke) {
      const released = await releaseSeat(tx, caller.partnerId, subscription.id, item.userId);
      if (released) change.revoked.push(subscription.product.name);
      revoke.push({ ...item, result: released ? "revoked" : "not_held" });
    }
    const assign: LicenseItemResult[] = [];
    for (const { item, change, subscription } of checked.assign) {
      const result = await takeSeat(tx, caller.partnerId, subscription.id, item.userId);
      if (result === "assigned") change.assigned.push(subscription.product.name);
      if (result === "no_seat") change.refused.push(subscription.product.name);
      assign.push({ ...item, result });
    }
    for (const [userId, change] of changes) {
      if (change.assigned.length + change.revoked.length + change.refused.length === 0) continue;
      await recordAudit(tx, caller, {
        action: "license.changed",
        target: { type: "user", id: userId },
        changes: { assigned: change.assigned, revoked: change.revoked, refused: change.refused },
      });
    }
    await recordLicenseChanges(
      tx,
      caller,
      [...changes.values()].map((c) => ({ customerId: customer.id, customerName: customer.name, userName: c.name, assigned: c.assigned, revoked: c.revoked })),
    );
    return { assign, revoke };
  }, SEAT_TRANSACTION);
  wakeOutboxWorker();
  return results;
}
