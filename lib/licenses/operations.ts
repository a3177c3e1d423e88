import "server-only";
import { z } from "zod";
import { operation } from "../operations/define.ts";
import { CustomerUserIdInput, ManageLicensesInput } from "../customers/schemas.ts";
import { applyLicenseItems, changeLicenses, previewLicenseChanges, setUserLicenses } from "./manage.ts";

// Every operation on licenses (DESIGN §5, decision 0018): the "Manage
// licenses" dialog and /api/v1/customers/{id}/… are adapters over these.

/** A product as the API names it: its catalog code (GET /products). */
const productCode = z.string().trim().min(1, "Enter a product code.").max(64, "Use a product code from GET /products.");
/** More items than one request needs; a longer list is a field error, never a huge transaction. */
const MAX_BULK_ITEMS = 1_000;

export const manageLicenses = operation({
  name: "licenses.manage",
  summary: "For the selected users, the ticked products end up held and the unticked ones not, where seats allow.",
  input: ManageLicensesInput,
  access: { partner: "licenses.manage" },
  audit: "license.changed",
  run: (caller, input) =>
    changeLicenses(caller, {
      customerId: input.customerId,
      userIds: input.userIds,
      wantedProductIds: input.productIds,
      changedProductIds: input.offeredProductIds,
    }),
});

export const previewLicenses = operation({
  name: "licenses.preview",
  summary: "What a license change would need: seats needed against seats free, per ticked product.",
  input: ManageLicensesInput,
  access: { partner: "licenses.manage" },
  audit: null,
  run: (caller, input) =>
    previewLicenseChanges(caller, {
      customerId: input.customerId,
      userIds: input.userIds,
      wantedProductIds: input.productIds,
      offeredProductIds: input.offeredProductIds,
    }),
});

const SetLicensesInput = CustomerUserIdInput.extend({
  productCodes: z.array(productCode).max(100, "List at most 100 products."),
});

export const setLicenses = operation({
  name: "licenses.set",
  summary: "Set a user's licenses to exactly these products (by code); 409 and nothing changed if a product has no free seat.",
  input: SetLicensesInput,
  access: { partner: "licenses.manage" },
  audit: "license.changed",
  http: { method: "PUT", path: "/customers/{id}/users/{userId}/licenses", params: { id: "customerId" } },
  output: z.object({
    userId: z.uuid(),
    name: z.string(),
    assigned: z.array(z.string()),
    revoked: z.array(z.string()),
    productCodes: z.array(z.string()),
  }),
  run: (caller, input) => setUserLicenses(caller, input),
});

const LicenseItem = z.object({ userId: z.uuid({ error: "Unknown user." }), productCode });
const itemList = z.array(LicenseItem).max(MAX_BULK_ITEMS, `List at most ${MAX_BULK_ITEMS.toLocaleString("en")} items.`);

const BulkLicensesInput = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  assign: itemList.default([]),
  revoke: itemList.default([]),
});

const ItemResultJson = z.object({
  userId: z.uuid(),
  productCode: z.string(),
  result: z.enum(["assigned", "already_held", "no_seat", "revoked", "not_held"]),
});

export const bulkLicenses = operation({
  name: "licenses.bulk",
  summary: "Assign and revoke licenses by (user, product code); revocations first; a result per item (no free seat refuses only that item).",
  input: BulkLicensesInput,
  access: { partner: "licenses.manage" },
  audit: "license.changed",
  http: { method: "POST", path: "/customers/{id}/licenses/bulk", params: { id: "customerId" } },
  output: z.object({ assign: z.array(ItemResultJson), revoke: z.array(ItemResultJson) }),
  run: (caller, input) => applyLicenseItems(caller, input),
});

export const LICENSE_OPERATIONS = [manageLicenses, previewLicenses, setLicenses, bulkLicenses];
