import type { AnyOperation, ApiOperation } from "./define.ts";
import { TEAM_OPERATIONS } from "../team/operations.ts";
import { API_KEY_OPERATIONS } from "../api-keys/operations.ts";
import { SETTINGS_OPERATIONS } from "../settings/operations.ts";
import { CUSTOMER_OPERATIONS } from "../customers/operations.ts";
import { LICENSE_OPERATIONS } from "../licenses/operations.ts";
import { ORDER_OPERATIONS } from "../orders/operations.ts";
import { PARTNER_OPERATIONS } from "../partners/operations.ts";
import { PARTNER_IMPORT_OPERATIONS } from "../partners/import-operations.ts";
import { SUPPORT_OPERATIONS } from "../support/operations.ts";
import { AUTH_OPERATIONS } from "../auth/operations.ts";

// Every operation of every domain (decision 0018). A domain adds its list
// from lib/<domain>/operations.ts here; the API document, the docs page and
// the authorization matrix read this list.

export const OPERATIONS: readonly AnyOperation[] = [...TEAM_OPERATIONS, ...API_KEY_OPERATIONS, ...SETTINGS_OPERATIONS, ...PARTNER_OPERATIONS, ...PARTNER_IMPORT_OPERATIONS, ...SUPPORT_OPERATIONS, ...AUTH_OPERATIONS, ...CUSTOMER_OPERATIONS, ...LICENSE_OPERATIONS, ...ORDER_OPERATIONS] as AnyOperation[];

const seen = new Set<string>();
const endpoints = new Set<string>();
for (const op of OPERATIONS) {
  if (seen.has(op.name)) throw new Error(`Two operations are named ${op.name}.`);
  seen.add(op.name);
  if (op.http) {
    const endpoint = `${op.http.method} ${op.http.path}`;
    if (endpoints.has(endpoint)) throw new Error(`Two operations answer ${endpoint}.`);
    endpoints.add(endpoint);
  }
}

/** The operations offered under /api/v1. */
export const API_OPERATIONS = OPERATIONS.filter((op): op is ApiOperation => op.http !== undefined);
