import "server-only";
import type { Prisma } from "../db/client.ts";

// The fields of an account that many reads want together, named once. Spread
// them into a select and list the read's own extra fields next to them:
//   select: { ...personFields, phone: true, ...accessFields, managerId: true }

/** Who an account is: enough to name them and write to them. */
export const personFields = { id: true, firstName: true, lastName: true, email: true } satisfies Prisma.UserSelect;

/**
 * What an account may do: its role and extra permissions (effectivePermissions,
 * the privilege ceiling) and its status (whether it may sign in, displayStatus).
 */
export const accessFields = { role: true, permissions: true, status: true } satisfies Prisma.UserSelect;
