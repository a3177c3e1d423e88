import "server-only";
import { db, type Tx } from "../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { enqueueEmail, enqueueEmails } from "../email/outbox.ts";
import { wakeOutboxWorker } from "../email/worker.ts";
import { env } from "../env.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import type { UserStatus } from "../db/generated/enums.ts";
import type { PartnerCaller } from "../auth/caller.ts";
import { requirePermission } from "../auth/permissions.ts";
import { endSessions } from "../auth/sessions.ts";
import { issueUserToken, issueUserTokensForNewUsers } from "../auth/user-tokens.ts";
import { activationTtlMs } from "../team/invite.ts";
import { consumeRateLimit, RATE_LIMITS } from "../security/rate-limit.ts";
import { liveCustomerUsers } from "./user-scope.ts";
import { personFields } from "../accounts/selects.ts";

// Welcoming a customer user by email instead of a temporary password
// (decision 0024): the activation machinery of team invitations (an
// ACTIVATION token: random, stored hashed, single use, ACTIVATION_TOKEN_TTL_HOURS;
// lib/auth/activation.ts sets the password and activates) with the
// customer-welcome email, written to the outbox in the caller's transaction.

type Welcomed = { id: string; firstName: string; email: string; username: string | null };

function welcomeEmail(caller: PartnerCaller, customerName: string, user: Welcomed, link: { id: string; token: string; expiresAt: Date }) {
  return {
    template: "customer-welcome" as const,
    to: user.email,
    dedupeKey: `customer-welcome:${link.id}`,
    props: {
      firstName: user.firstName,
      partnerName: caller.partnerName ?? "Partner Portal",
      customerName,
      username: user.username ?? user.email,
      activationUrl: new URL(`/activate/${link.token}`, env().APP_URL).toString(),
      expiresAt: link.expiresAt.toISOString(),
    },
  };
}

/** Issues a fresh activation link for an Invited customer user (earlier links stop working) and queues the welcome email. */
export async function queueWelcomeEmail(tx: Tx, caller: PartnerCaller, customerName: string, user: Welcomed) {
  const link = await issueUserToken(tx, user.id, "ACTIVATION", activationTtlMs());
  await enqueueEmail(tx, welcomeEmail(caller, customerName, user, link));
}

/** queueWelcomeEmail for many users created in this transaction (CSV import): a few statements for the whole file. */
export async function queueWelcomeEmails(tx: Tx, caller: PartnerCaller, customerName: string, users: readonly Welcomed[]) {
  const links = await issueUserTokensForNewUsers(tx, users.map((user) => user.id), "ACTIVATION", activationTtlMs());
  await enqueueEmails(tx, users.map((user, i) => welcomeEmail(caller, customerName, user, links[i])));
}

type WelcomeState = { lastSignInAt: Date | null; status: UserStatus; mustChangePassword: boolean };

/**
 * Why a welcome email can't be (re)sent to this customer user, or null when it
 * can: not to anyone who has signed in, nor to one who chose their own password
 * through a link (activated, then never signed in), nor to a disabled user.
 * The user's page offers the button by this rule and the server refuses by it.
 */
export function welcomeBlocker(user: WelcomeState): "signed_in" | "chose_password" | "disabled" | null {
  if (user.lastSignInAt) return "signed_in";
  if (user.status === "ACTIVE" && !user.mustChangePassword) return "chose_password";
  if (user.status === "DISABLED") return "disabled";
  return null;
}

const ALREADY_SIGNED_IN = (name: string) => `${name} has already signed in, so there is nothing to welcome them to. Reset their password instead.`;
const REFUSALS = {
  signed_in: ALREADY_SIGNED_IN,
  chose_password: (name) => `${name} has already chosen a password, so there is nothing to welcome them to. Reset their password instead.`,
  disabled: (name) => `${name} is disabled. Enable them before sending a welcome email.`,
} satisfies Record<NonNullable<ReturnType<typeof welcomeBlocker>>, (name: string) => string>;

/**
 * "Resend welcome email" for a customer user who has never signed in: a new
 * activation link (earlier ones stop working) and the welcome email. A
 * temporary password they were given stops working too: from now on they get
 * in through the link. Refused for anyone who has signed in, and for a
 * disabled user.
 */
export async function resendCustomerUserWelcome(caller: PartnerCaller, customerId: string, userId: string) {
  requirePermission(caller, "customers.manage");
  const where = { id: userId, ...liveCustomerUsers(caller, customerId) };
  const user = await db.user.findFirst({
    where,
    select: { ...personFields, username: true, status: true, mustChangePassword: true, lastSignInAt: true, customer: { select: { name: true } } },
  });
  const customer = user?.customer;
  if (!user || !customer) throw new NotFoundError("That user doesn't exist.");
  const name = `${user.firstName} ${user.lastName}`;
  const blocker = welcomeBlocker(user);
  if (blocker) throw new ConflictError(REFUSALS[blocker](name));
  await consumeRateLimit(RATE_LIMITS.resendInvitePerUser, user.id);

  await db.$transaction(async (tx) => {
    // Guarded: a first sign-in that commits meanwhile wins, and nothing is sent.
    const { count } = await tx.user.updateMany({
      // The same rule as welcomeBlocker, stated as a condition on the row so that it holds at the moment of the write.
      where: { ...where, lastSignInAt: null, status: { not: "DISABLED" }, NOT: { status: "ACTIVE", mustChangePassword: false } },
      data: { status: "INVITED", passwordHash: null, mustChangePassword: false },
    });
    if (count !== 1) throw new ConflictError(ALREADY_SIGNED_IN(name));
    await endSessions(tx, user.id, "password_reset");
    await queueWelcomeEmail(tx, caller, customer.name, user);
    await recordAudit(tx, caller, {
      action: "customer_user.welcome_sent",
      target: { type: "user", id: user.id },
      changes: { customerId, resent: true, status: { from: user.status, to: "INVITED" } },
    });
  });
  wakeOutboxWorker();
  return { userId: user.id, name, email: user.email };
}
