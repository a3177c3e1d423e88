import "server-only";
import { asDeleted, purgeDeletedAccounts, restoreAccount, restoreDaysLeft, softDeleteAccount } from "../accounts/soft-delete.ts";
import { randomUUID } from "node:crypto";
import { db, type Prisma, type Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { enqueueEmail } from "../email/outbox.ts";
import { env } from "../env.ts";
import { isUniqueViolation, NotFoundError, ValidationError } from "../errors.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { endSessions } from "../auth/sessions.ts";
import { requirePermission } from "../auth/permissions.ts";
import { generateTemporaryPassword, hashTemporaryPassword, verifyTemporaryPassword } from "../auth/temporary-password.ts";
import { emailTakenError } from "../accounts/email-rule.ts";
import { normalizeEmail } from "../validation/fields.ts";
import { releaseSeat, takeSeat } from "../licenses/seats.ts";
import { recordLicenseChanges } from "../notifications/events.ts";
import { generateUsername } from "./usernames.ts";
import { queueWelcomeEmail } from "./welcome.ts";
import { liveCustomerUsers, restorableCustomerUsers } from "./user-scope.ts";
import { sealProps } from "../email/sealed-props.ts";
import { MAX_SELECTED_IDS, USER_STATUS_FILTERS, type CustomerUserInput, type WelcomeMethod } from "./schemas.ts";
import { z } from "zod";
import { choice, cleanText, readId, searchText } from "../http/params.ts";
import { afterName, BY_NAME, decodeCursor, encodeCursor, NameCursorShape } from "../lists/name-keyset.ts";
import { personFields } from "../accounts/selects.ts";
import { expireOpenLinks } from "../auth/user-tokens.ts";

export const CUSTOMER_USERS_PAGE_SIZE = 50;

/** Shown once, never stored: the user name and the temporary password to hand over. */
export type IssuedCredential = { userId: string; name: string; username: string; temporaryPassword: string };

async function customerOrThrow(tx: Tx | typeof db, caller: PartnerCaller, customerId: string) {
  const customer = await tx.customer.findFirst({ where: { id: customerId, partnerId: caller.partnerId }, select: { id: true, name: true } });
  if (!customer) throw new NotFoundError("That customer doesn't exist.");
  return customer;
}

/**
 * Adds a customer user with the licenses ticked, where seats are free (else
 * nothing is written), welcomed as `input.welcome` says: a temporary password
 * returned once (`credential`), or an Invited account and an activation link
 * emailed through the outbox (`credential` null; lib/customers/welcome.ts).
 */
export async function addCustomerUser(caller: PartnerCaller, input: Omit<CustomerUserInput, "welcome"> & { welcome?: WelcomeMethod }) {
  requirePermission(caller, "customers.manage");
  const byEmail = input.welcome === "activation_email";
  const temporaryPassword = byEmail ? null : generateTemporaryPassword();
  try {
    return await db.$transaction(async (tx) => {
      const customer = await customerOrThrow(tx, caller, input.customerId);
      const subscriptions = await tx.subscription.findMany({
        where: { customerId: customer.id, partnerId: caller.partnerId, productId: { in: input.productIds } },
        select: { id: true, productId: true, product: { select: { name: true } } },
      });
      if (subscriptions.length !== new Set(input.productIds).size) {
        throw ValidationError.field("productIds", "Choose licenses from this customer's subscriptions.");
      }
      const username = generateUsername(input.firstName, input.lastName);
      const user = await tx.user.create({
        data: {
          kind: "CUSTOMER",
          partnerId: caller.partnerId,
          customerId: customer.id,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          emailNormalized: normalizeEmail(input.email),
          phone: input.phone,
          username,
          status: byEmail ? "INVITED" : "ACTIVE",
          passwordHash: temporaryPassword && hashTemporaryPassword(temporaryPassword),
          mustChangePassword: !byEmail,
          invitedById: caller.userId,
        },
        select: { ...personFields, username: true },
      });
      const refused: string[] = [];
      for (const subscription of subscriptions) {
        const result = await takeSeat(tx, caller.partnerId, subscription.id, user.id);
        if (result === "no_seat") refused.push(subscription.product.name);
      }
      if (refused.length) {
        throw ValidationError.field("productIds", `No free seat left for ${refused.join(", ")}. Order more seats or untick it.`);
      }
      await recordAudit(tx, caller, {
        action: "customer_user.created",
        target: { type: "user", id: user.id },
        changes: { customerId: customer.id, email: user.email, productIds: input.productIds, welcome: input.welcome ?? "temporary_password" },
      });
      if (byEmail) await queueWelcomeEmail(tx, caller, customer.name, user);
      await recordLicenseChanges(tx, caller, [
        {
          customerId: customer.id,
          customerName: customer.name,
          userName: `${user.firstName} ${user.lastName}`,
          assigned: subscriptions.map((s) => s.product.name),
          revoked: [],
          via: "new user",
        },
      ]);
      const credential: IssuedCredential | null = temporaryPassword === null ? null : {
        userId: user.id,
        name: `${user.firstName} ${user.lastName}`,
        username,
        temporaryPassword,
      };
      return { user, credential };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await emailTakenError(input.email, caller.partnerId);
    throw error;
  } finally {
    wakeOutboxWorker();
  }
}

/** A new temporary password for a customer user, to be changed at next sign-in; other sessions end. */
export async function resetCustomerUserPassword(caller: PartnerCaller, customerId: string, userId: string): Promise<IssuedCredential> {
  requirePermission(caller, "customers.manage");
  const temporaryPassword = generateTemporaryPassword();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, ...liveCustomerUsers(caller, customerId) },
      select: { id: true, firstName: true, lastName: true, username: true, status: true },
    });
    if (!user) throw new NotFoundError("That user doesn't exist.");
    const username = user.username ?? generateUsername(user.firstName, user.lastName);
    // One welcomed by email (Invited) gets in with this password now, not the link (decision 0024).
    const invited = user.status === "INVITED";
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash: hashTemporaryPassword(temporaryPassword),
        mustChangePassword: true,
        username,
        failedSignIns: 0,
        lockedUntil: null,
        ...(invited ? { status: "ACTIVE" as const } : {}),
      },
    });
    if (invited) await expireOpenLinks(tx, user.id, "ACTIVATION");
    await endSessions(tx, user.id, "temporary_password_reset");
    await recordAudit(tx, caller, {
      action: "customer_user.password_reset",
      target: { type: "user", id: user.id },
      ...(invited ? { changes: { status: { from: "INVITED", to: "ACTIVE" } } } : {}),
    });
    return { userId: user.id, name: `${user.firstName} ${user.lastName}`, username, temporaryPassword };
  });
}

/**
 * Sends the acting admin the credentials shown on a confirmation screen
 * ("Email to me"). Each password is checked against the user's stored hash,
 * so only credentials the portal issued — and that are still unchanged — can
 * go out, and only for users of the caller's own customer.
 */
export async function emailCredentialsToCaller(
  caller: PartnerCaller,
  customerId: string,
  credentials: { userId: string; temporaryPassword: string }[],
) {
  requirePermission(caller, "customers.manage");
  if (credentials.length === 0) throw ValidationError.field("temporaryPasswords", "There are no passwords to send.");
  const customer = await customerOrThrow(db, caller, customerId);
  const users = await db.user.findMany({
    where: { id: { in: credentials.map((c) => c.userId) }, ...liveCustomerUsers(caller, customerId) },
    select: { id: true, firstName: true, lastName: true, username: true, passwordHash: true, mustChangePassword: true },
  });
  const byId = new Map(users.map((user) => [user.id, user]));
  const verified = credentials.flatMap(({ userId, temporaryPassword }) => {
    const user = byId.get(userId);
    if (!user?.passwordHash || !user.mustChangePassword || !user.username) return [];
    if (!verifyTemporaryPassword(user.passwordHash, temporaryPassword)) return [];
    return [{ name: `${user.firstName} ${user.lastName}`, username: user.username, temporaryPassword }];
  });
  if (verified.length === 0) {
    throw ValidationError.field("temporaryPasswords", "These passwords are no longer valid: the users have changed or been reset since.");
  }
  await db.$transaction(async (tx) => {
    await recordAudit(tx, caller, {
      action: "customer_user.credentials_emailed",
      target: { type: "customer", id: customer.id },
      changes: { count: verified.length },
    });
    await enqueueEmail(tx, {
      template: "customer-credentials",
      to: caller.email,
      dedupeKey: `customer-credentials:${randomUUID()}`,
      props: sealProps({
        firstName: caller.firstName,
        customerName: customer.name,
        credentials: verified,
        usersUrl: new URL(`/customers/${customer.id}/users`, env().APP_URL).toString(),
      }),
    });
  });
  wakeOutboxWorker();
  return { sent: verified.length, skipped: credentials.length - verified.length };
}

export type DeleteResult = { userId: string; name: string; freedProducts: string[] };

/** Soft-deletes customer users (lib/accounts/soft-delete.ts): signed out at once; seats are freed and remembered for a restore. */
export async function deleteCustomerUsers(caller: PartnerCaller, customerId: string, userIds: string[]): Promise<DeleteResult[]> {
  requirePermission(caller, "customers.manage");
  const results = await db.$transaction(async (tx) => {
    const users = await tx.user.findMany({
      where: { id: { in: userIds }, ...liveCustomerUsers(caller, customerId) },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: {
        id: true,
        firstName: true,
        lastName: true,
        licenses: { select: { subscriptionId: true, subscription: { select: { productId: true, product: { select: { name: true } } } } } },
      },
    });
    if (users.length !== new Set(userIds).size) throw new NotFoundError("Some of those users don't exist.");
    const out: DeleteResult[] = [];
    for (const user of users) {
      for (const license of user.licenses) await releaseSeat(tx, caller.partnerId, license.subscriptionId, user.id);
      const productIds = user.licenses.map((license) => license.subscription.productId);
      const deletedAt = await softDeleteAccount(tx, user.id, caller.userId, { licensesAtDeletion: productIds });
      await recordAudit(tx, caller, {
        action: "customer_user.deleted",
        target: { type: "user", id: user.id },
        changes: { customerId, deletedAt: { from: null, to: deletedAt }, licensesAtDeletion: productIds },
      });
      out.push({ userId: user.id, name: `${user.firstName} ${user.lastName}`, freedProducts: user.licenses.map((l) => l.subscription.product.name) });
    }
    const customer = await tx.customer.findFirst({ where: { id: customerId, partnerId: caller.partnerId }, select: { name: true } });
    await recordLicenseChanges(
      tx,
      caller,
      out.map((r) => ({ customerId, customerName: customer?.name ?? "", userName: r.name, assigned: [], revoked: r.freedProducts, via: "user deleted" })),
    );
    return out;
  });
  return results;
}

export type RestoreResult = {
  userId: string;
  name: string;
  restored: boolean;
  /** Why the user was not restored (email conflict). */
  reason?: string;
  licensesRestored: string[];
  licensesNotRestored: { product: string; reason: string }[];
};

/**
 * Restores deleted customer users within 30 days, each in its own
 * transaction so one email conflict doesn't hold back the others. Licenses
 * come back where seats are free; the rest are listed with the reason.
 */
export async function restoreCustomerUsers(caller: PartnerCaller, customerId: string, userIds: string[]): Promise<RestoreResult[]> {
  requirePermission(caller, "customers.manage");
  const users = await db.user.findMany({
    where: { id: { in: userIds }, ...restorableCustomerUsers(caller, customerId) },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { ...personFields, status: true, licensesAtDeletion: true, deletedAt: true },
  });
  if (users.length !== new Set(userIds).size) throw new NotFoundError("Some of those users don't exist or can no longer be restored.");
  const customer = await db.customer.findFirst({ where: { id: customerId, partnerId: caller.partnerId }, select: { name: true } });

  const results: RestoreResult[] = [];
  for (const user of users) {
    const name = `${user.firstName} ${user.lastName}`;
    try {
      results.push(
        await db.$transaction(async (tx) => {
          await restoreAccount(tx, asDeleted(user), caller.partnerId, customer?.name ?? "your organization");
          const subscriptions = await tx.subscription.findMany({
            where: { customerId, partnerId: caller.partnerId, productId: { in: user.licensesAtDeletion } },
            select: { id: true, productId: true, product: { select: { name: true } } },
          });
          const licensesRestored: string[] = [];
          const licensesNotRestored: RestoreResult["licensesNotRestored"] = [];
          for (const productId of user.licensesAtDeletion) {
            const subscription = subscriptions.find((s) => s.productId === productId);
            if (!subscription) {
              const product = await tx.product.findUnique({ where: { id: productId }, select: { name: true } });
              licensesNotRestored.push({ product: product?.name ?? "Unknown product", reason: "The customer no longer has this subscription." });
              continue;
            }
            const result = await takeSeat(tx, caller.partnerId, subscription.id, user.id);
            if (result === "no_seat") licensesNotRestored.push({ product: subscription.product.name, reason: "No free seat." });
            else licensesRestored.push(subscription.product.name);
          }
          licensesRestored.sort();
          await recordAudit(tx, caller, {
            action: "customer_user.restored",
            target: { type: "user", id: user.id },
            changes: { customerId, deletedAt: { from: user.deletedAt, to: null }, licensesRestored, licensesNotRestored },
          });
          await recordLicenseChanges(tx, caller, [
            { customerId, customerName: customer?.name ?? "", userName: name, assigned: licensesRestored, revoked: [], via: "user restored" },
          ]);
          return { userId: user.id, name, restored: true, licensesRestored, licensesNotRestored };
        }),
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const { fieldErrors } = await emailTakenError(user.email, caller.partnerId);
      results.push({
        userId: user.id,
        name,
        restored: false,
        reason: `${user.email}: ${fieldErrors.email[0]}`,
        licensesRestored: [],
        licensesNotRestored: [],
      });
    }
  }
  wakeOutboxWorker();
  return results;
}

/** Hard-deletes customer users past the restore window, each with a "customer_user.purged" audit event (lib/accounts/soft-delete.ts). */
export function purgeDeletedCustomerUsers(now = new Date()) {
  return purgeDeletedAccounts("CUSTOMER", now);
}

export type CustomerUserFilters = {
  query?: string;
  /** A product id: users holding it; "none": users with no license. */
  license?: string;
  status?: string;
};

/** Most rows one call may ask for (the page shows CUSTOMER_USERS_PAGE_SIZE; the API allows up to this). */
export const CUSTOMER_USERS_MAX_LIMIT = 200;
/** The list counts matches up to this, then says "1,000+": a count of 100,000 rows would cost more than the page. */
export const CUSTOMER_USERS_COUNT_CAP = 1000;

/** A customer user's details, as their row, their page and the CSV export show them. */
const customerUserFields = { firstName: true, lastName: true, email: true, username: true, phone: true, status: true } satisfies Prisma.UserSelect;

/** A row of the Users and licenses list (and of the API's list): the details, whether they must change their password, their last sign-in. */
export const customerUserRow = { id: true, ...customerUserFields, mustChangePassword: true, lastSignInAt: true } satisfies Prisma.UserSelect;

/** A position in a customer's user list (name order): lib/lists/name-keyset.ts. */
function readCustomerUsersCursor(value: string | undefined | null) {
  return decodeCursor(value, NameCursorShape);
}

/** The Users and licenses page's query string (read with lib/http/params' readSearchParams): bad values are ignored. */
export const CustomerUserListQuery = {
  q: searchText(200),
  license: z.string().optional().transform((value) => (value === "none" ? "none" : (readId(value) ?? undefined))),
  status: choice(USER_STATUS_FILTERS),
  /** The cursor of the page to show; one the app didn't write (a mangled bookmark) shows the first page. */
  after: z
    .string()
    .optional()
    .transform((value) => (readCustomerUsersCursor(value) ? value : undefined)),
  tab: choice(["deleted"] as const),
};

function customerUsersWhere(caller: PartnerCaller, customerId: string, filters: CustomerUserFilters): Prisma.UserWhereInput {
  // Parsed here too, as every caller (the page, "select all matching", the API) passes through: nothing unparsed reaches the query.
  const query = cleanText(filters.query ?? "", 200).toLowerCase();
  const where: Prisma.UserWhereInput = liveCustomerUsers(caller, customerId);
  if (query) where.searchText = { contains: query };
  const licenseId = readId(filters.license);
  if (filters.license === "none") where.licenses = { none: {} };
  else if (licenseId) where.licenses = { some: { subscription: { productId: licenseId, partnerId: caller.partnerId } } };
  if (filters.status === "must_change") where.mustChangePassword = true;
  else if (filters.status === "ACTIVE" || filters.status === "DISABLED" || filters.status === "INVITED") where.status = filters.status;
  return where;
}

/**
 * One page of a customer's active users in name order, filtered: keyset
 * paging on the (customerId, lastName, firstName, id) index, so a deep page
 * costs what the first does (bench/customer-users-list.ts). `cursor` is the
 * `nextCursor` of the page before (none: the first page); `limit` is 1 to
 * CUSTOMER_USERS_MAX_LIMIT. Scoped to the caller's tenant: another partner's
 * customer has no users here. A cursor the app didn't write is a field error.
 * The same function serves the page and GET /api/v1/customers/{id}/users.
 */
export async function listCustomerUsers(
  caller: PartnerCaller,
  customerId: string,
  { filters = {}, cursor, limit = CUSTOMER_USERS_PAGE_SIZE }: { filters?: CustomerUserFilters; cursor?: string | null; limit?: number } = {},
) {
  requirePermission(caller, "customers.view");
  const after = cursor ? readCustomerUsersCursor(cursor) : null;
  if (cursor && !after) throw ValidationError.field("cursor", "This cursor isn't one the list gave out: start again from the first page.");
  const take = Number.isSafeInteger(limit) ? Math.min(Math.max(limit, 1), CUSTOMER_USERS_MAX_LIMIT) : CUSTOMER_USERS_PAGE_SIZE;
  const where = customerUsersWhere(caller, customerId, filters);
  const users = await db.user.findMany({
    where: after ? { AND: [where, ...afterName(after)] } : where,
    orderBy: BY_NAME,
    take: take + 1,
    select: customerUserRow,
  });
  const rows = users.slice(0, take);
  const last = rows[rows.length - 1];
  // The page's licenses in one query: Prisma would take three (assignments, subscriptions, products),
  // and each round trip costs about what the page itself does (bench/customer-users-list.ts).
  const licenses = rows.length
    ? await db.$queryRaw<{ userId: string; id: string; code: string; name: string }[]>`
        SELECT a."userId", s."productId" AS "id", p."code", p."name"
        FROM "LicenseAssignment" a
        JOIN "Subscription" s ON s."id" = a."subscriptionId"
        JOIN "Product" p ON p."id" = s."productId"
        WHERE a."userId" = ANY(${rows.map((row) => row.id)}::uuid[]) AND s."partnerId" = ${caller.partnerId}::uuid
        ORDER BY p."name", p."id"`
    : [];
  const productsOf = new Map<string, { id: string; code: string; name: string }[]>();
  for (const { userId, ...product } of licenses) productsOf.set(userId, [...(productsOf.get(userId) ?? []), product]);
  return {
    rows: rows.map((user) => ({ ...user, products: productsOf.get(user.id) ?? [] })),
    nextCursor: users.length > take && last ? encodeCursor({ l: last.lastName, f: last.firstName, i: last.id }) : null,
  };
}

/** How many users match, counted up to CUSTOMER_USERS_COUNT_CAP: `{ count, capped }` ("1,000+" when capped). */
export async function countCustomerUsers(caller: PartnerCaller, customerId: string, filters: CustomerUserFilters = {}) {
  requirePermission(caller, "customers.view");
  const count = await db.user.count({ where: customerUsersWhere(caller, customerId, filters), take: CUSTOMER_USERS_COUNT_CAP + 1 });
  return { count: Math.min(count, CUSTOMER_USERS_COUNT_CAP), capped: count > CUSTOMER_USERS_COUNT_CAP };
}

/** Every id matching the filters ("select all matching"), capped so a request stays small. */
export async function listMatchingCustomerUserIds(caller: PartnerCaller, customerId: string, filters: CustomerUserFilters, cap = MAX_SELECTED_IDS) {
  requirePermission(caller, "customers.view");
  const rows = await db.user.findMany({ where: customerUsersWhere(caller, customerId, filters), select: { id: true }, take: cap });
  return rows.map((row) => row.id);
}

/** How many the Deleted users tab lists: its label says "Deleted users (2)". */
export async function countDeletedCustomerUsers(caller: PartnerCaller, customerId: string, now = new Date()) {
  requirePermission(caller, "customers.view");
  return db.user.count({ where: restorableCustomerUsers(caller, customerId, now) });
}

/** The Deleted users tab: who can still be restored, and for how many days. */
export async function listDeletedCustomerUsers(caller: PartnerCaller, customerId: string, now = new Date()) {
  requirePermission(caller, "customers.view");
  const users = await db.user.findMany({
    where: restorableCustomerUsers(caller, customerId, now),
    orderBy: { deletedAt: "desc" },
    take: 500,
    select: { ...personFields, deletedAt: true, licensesAtDeletion: true },
  });
  return users
    .map((user) => asDeleted(user))
    .map((user) => ({
      ...user,
      daysLeft: restoreDaysLeft(user.deletedAt, now),
    }));
}

/** Everyone of the customer for the CSV export (no pagination). */
export async function exportCustomerUsers(caller: PartnerCaller, customerId: string) {
  requirePermission(caller, "customers.view");
  await customerOrThrow(db, caller, customerId);
  return db.user.findMany({
    where: liveCustomerUsers(caller, customerId),
    orderBy: BY_NAME,
    select: { ...customerUserFields, licenses: { select: { subscription: { select: { product: { select: { code: true } } } } } } },
  });
}

/** A customer user's own licenses, for their landing page. */
export async function listOwnLicenses(userId: string) {
  const rows = await db.licenseAssignment.findMany({
    where: { userId, user: { kind: "CUSTOMER", deletedAt: null } },
    select: { subscription: { select: { product: { select: { code: true, name: true, description: true } } } } },
  });
  return rows.map((row) => row.subscription.product);
}
