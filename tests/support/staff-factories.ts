// Vendor staff for tests of the vendor console.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { effectivePermissions, type StaffRoleKey } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import type { StaffCaller } from "@/lib/support/staff-access";
import { TEST_PASSWORD, uniqueEmail } from "./factories";

let passwordHash: Promise<string> | undefined;

export async function createStaffUser(role: StaffRoleKey, overrides: { firstName?: string; email?: string } = {}) {
  const email = overrides.email ?? uniqueEmail(role.replace("_", "-"));
  const user = await db.user.create({
    data: {
      kind: "STAFF",
      role,
      firstName: overrides.firstName ?? "Stella",
      lastName: "Staff",
      email,
      emailNormalized: email.toLowerCase(),
      status: "ACTIVE",
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    },
  });
  return { user, caller: staffCallerFor(user) };
}

export function staffCallerFor(user: { id: string; role: string | null; firstName: string; lastName: string; email: string }): StaffCaller {
  return {
    userId: user.id,
    sessionId: randomUUID(),
    kind: "STAFF",
    partnerId: null,
    partnerName: null,
    role: user.role,
    permissions: effectivePermissions(user.role, []),
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    mustChangePassword: false,
    ip: "127.0.0.1",
    userAgent: "vitest",
  };
}
