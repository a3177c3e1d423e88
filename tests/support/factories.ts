// Test data through the real database. Unique values per call so tests in
// parallel workers never collide and never need cleaning up.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { effectivePermissions } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { Caller, PartnerCaller } from "@/lib/auth/caller";
import { EditUserInput } from "@/lib/team/schemas";

export const TEST_PASSWORD = "test-password-4821";
let passwordHash: Promise<string> | undefined;

/** The hash of TEST_PASSWORD (hashed once per process: hashing is slow on purpose). */
export function testPasswordHash() {
  return (passwordHash ??= hashPassword(TEST_PASSWORD));
}

export function uniqueEmail(prefix = "user") {
  return `${prefix}.${randomUUID().slice(0, 8)}@example.test`;
}

type UserOverrides = Partial<{
  firstName: string;
  lastName: string;
  email: string;
  role: string | null;
  permissions: string[];
  status: "INVITED" | "ACTIVE" | "DISABLED";
  managerId: string | null;
}>;

export async function createPartnerUser(partnerId: string, overrides: UserOverrides = {}) {
  const email = overrides.email ?? uniqueEmail();
  const status = overrides.status ?? "ACTIVE";
  return db.user.create({
    data: {
      kind: "PARTNER",
      partnerId,
      firstName: overrides.firstName ?? "Test",
      lastName: overrides.lastName ?? "User",
      email,
      emailNormalized: email.toLowerCase(),
      role: overrides.role === undefined ? "partner_admin" : overrides.role,
      permissions: overrides.permissions ?? [],
      managerId: overrides.managerId ?? null,
      status,
      passwordHash: status === "INVITED" ? null : await testPasswordHash(),
    },
  });
}

/** A partner with an active Partner Admin, and that admin as a caller. */
export async function createPartner(name = `Partner ${randomUUID().slice(0, 6)}`) {
  const partner = await db.partner.create({ data: { name } });
  const admin = await createPartnerUser(partner.id, { firstName: "Alice", lastName: "Admin" });
  await db.partner.update({ where: { id: partner.id }, data: { primaryUserId: admin.id } });
  return { partner, admin, caller: callerFor(admin, partner.name) };
}

export function callerFor(
  user: { id: string; partnerId: string | null; role: string | null; permissions: string[]; firstName: string; lastName: string; email: string },
  partnerName = "Test partner",
): PartnerCaller {
  return testCaller(user, { kind: "PARTNER", partnerId: user.partnerId!, partnerName });
}

/** A signed-in caller for `user`, as getCaller makes one from a session; `account` says which kind of account and tenant. */
export function testCaller<A extends Pick<Caller, "kind" | "partnerId" | "partnerName">>(
  user: { id: string; role: string | null; permissions?: string[]; firstName: string; lastName: string; email: string },
  account: A,
): Caller & A {
  return {
    userId: user.id,
    sessionId: randomUUID(),
    ...account,
    role: user.role,
    permissions: effectivePermissions(user.role, user.permissions ?? []),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    mustChangePassword: false,
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}

/** The team edit form's input for a member as it stands, with some fields changed. */
export function editInputFor(user: Awaited<ReturnType<typeof createPartnerUser>>, overrides: Record<string, unknown> = {}) {
  return EditUserInput.parse({
    userId: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role ?? "",
    permissions: user.permissions,
    managerId: user.managerId ?? "",
    notifications: user.notifications,
    ...overrides,
  });
}
