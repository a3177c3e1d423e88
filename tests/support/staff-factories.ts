// Vendor staff for tests of the vendor console.
import { db } from "@/lib/db/client";
import type { StaffRoleKey } from "@/lib/auth/permissions";
import type { StaffCaller } from "@/lib/support/staff-access";
import { testCaller, testPasswordHash, uniqueEmail } from "./factories";

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
      passwordHash: await testPasswordHash(),
    },
  });
  const caller: StaffCaller = testCaller({ ...user, permissions: [] }, { kind: "STAFF", partnerId: null, partnerName: null });
  return { user, caller };
}
