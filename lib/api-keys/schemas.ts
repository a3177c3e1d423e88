import { z } from "zod";
import { PARTNER_PERMISSIONS } from "../auth/permissions.ts";
import { dateFilter } from "../http/params.ts";
import { checkboxList, nameField } from "../validation/fields.ts";

export const API_KEY_PREFIX = "pp_live_";

/** Settings → API keys → Create (DESIGN §9): a name, a subset of the creator's permissions, an optional last day. */
export const CreateApiKeyInput = z.object({
  name: nameField("Key name"),
  permissions: checkboxList(PARTNER_PERMISSIONS).refine((list) => list.length > 0, "Choose at least one permission."),
  /** The last day the key works (UTC), like 2027-06-30; absent: no expiry. */
  expiresOn: dateFilter,
});
export type CreateApiKeyInput = z.output<typeof CreateApiKeyInput>;

export const ApiKeyIdInput = z.object({ apiKeyId: z.uuid({ error: "Unknown API key." }) });

export const NoInput = z.object({});
