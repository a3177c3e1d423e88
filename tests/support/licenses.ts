// One license assignment as production makes it: the /api/v1 bulk-licenses
// operation (lib/licenses/operations.ts) with one item, through runOperation
// like every adapter.
import type { Caller } from "@/lib/auth/caller";
import { bulkLicenses } from "@/lib/licenses/operations";
import { runOperation } from "@/lib/operations/run";

/** Assigns `productCode` to the user; "assigned", "already_held" or "no_seat". */
export async function assignLicense(caller: Caller, input: { customerId: string; userId: string; productCode: string }) {
  const { assign } = await runOperation(bulkLicenses, { customerId: input.customerId, assign: [{ userId: input.userId, productCode: input.productCode }] }, caller);
  return assign[0].result;
}
