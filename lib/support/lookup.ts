import "server-only";
import { numberedPage } from "../lists/numbered-page.ts";
import { db, type Prisma } from "../db/client.ts";
import { NotFoundError } from "../errors.ts";
import { auditValue } from "../audit/record.ts";
import { accessFields, personFields } from "../accounts/selects.ts";
import { assertStaff } from "./staff-access.ts";
import type { Caller } from "../auth/caller.ts";
import { displayStatus, NEWEST_OPEN_INVITATION, newestOpenInvitation, type StatusFacts } from "../team/status.ts";

// Support's account lookup (DESIGN §7): every account of the portal, whatever
// its kind, tenant or status, deleted ones included.

const ACCOUNTS_PAGE_SIZE = 25;

const accountSelect = {
  ...personFields,
  kind: true,
  phone: true,
  ...accessFields,
  createdAt: true,
  lastSignInAt: true,
  deletedAt: true,
  partnerId: true,
  partner: { select: { id: true, name: true, status: true } },
  customer: { select: { id: true, name: true, partner: { select: { id: true, name: true } } } },
  tokens: NEWEST_OPEN_INVITATION,
} satisfies Prisma.UserSelect;

export async function searchAccounts(caller: Caller, { q, page }: { q?: string; page: number }) {
  assertStaff(caller, "accounts.lookup");
  if (!q) return { accounts: [], total: 0, page: 1, pageCount: 1 };
  // searchText is lower(first name, last name, email), trigram-indexed.
  const where: Prisma.UserWhereInput = { searchText: { contains: q.toLowerCase() } };
  const { rows: accounts, ...pages } = await numberedPage(page, ACCOUNTS_PAGE_SIZE, {
    count: () => db.user.count({ where }),
    rows: (window) => db.user.findMany({ where, orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }], ...window, select: accountSelect }),
  });
  return { accounts: accounts.map(withTenant), ...pages };
}

function withTenant<
  T extends StatusFacts & { kind: string; partner: { id: string; name: string } | null; customer: { name: string; partner: { id: string; name: string } } | null; tokens: { expiresAt: Date }[] },
>({ tokens, ...account }: T) {
  const tenant =
    account.kind === "STAFF"
      ? { label: "Vendor staff", partnerId: null }
      : account.customer
        ? { label: `${account.customer.partner.name} › ${account.customer.name}`, partnerId: account.customer.partner.id }
        : { label: account.partner?.name ?? "—", partnerId: account.partner?.id ?? null };
  return { ...account, tenant, displayStatus: displayStatus({ ...account, invitationExpiresAt: newestOpenInvitation(tokens) }) };
}

/** One account for the support page, with what support needs to resolve it. */
export async function getAccountOrThrow(caller: Caller, userId: string) {
  assertStaff(caller, "accounts.lookup");
  const account = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!account) throw new NotFoundError("That account doesn't exist.");
  const detached = await db.auditEvent.findFirst({
    where: { targetType: "user", targetId: userId, action: "user.email_detached" },
    orderBy: { id: "desc" },
    select: { at: true, changes: true },
  });
  const text = (field: string) => {
    const value = auditValue(detached?.changes, field);
    return typeof value === "string" ? value : null;
  };
  return {
    account: withTenant(account),
    detachment: detached ? { at: detached.at, previousEmail: text("previousEmail"), reason: text("reason") } : null,
  };
}
