import { z } from "zod";
import { operation } from "../operations/define.ts";
import { ApiKeyIdInput, CreateApiKeyInput, NoInput } from "./schemas.ts";
import { createApiKey, revokeApiKey } from "./keys.ts";
import { describeApiCaller } from "./authenticate.ts";

export const createKey = operation({
  name: "apiKeys.create",
  summary: "Create an API key with a subset of your permissions; the secret is returned once.",
  input: CreateApiKeyInput,
  access: { partner: "settings.manage" },
  audit: "api_key.created",
  run: (caller, input) => createApiKey(caller, input),
});

export const revokeKey = operation({
  name: "apiKeys.revoke",
  summary: "Revoke an API key: its next request is refused.",
  input: ApiKeyIdInput,
  access: { partner: "settings.manage" },
  audit: "api_key.revoked",
  run: (caller, input) => revokeApiKey(caller, input.apiKeyId),
});

const isoDate = z.iso.datetime();

export const getMe = operation({
  name: "me.get",
  summary: "The API key's partner and permissions.",
  input: NoInput,
  access: { partner: null },
  audit: null,
  http: { method: "GET", path: "/me" },
  output: z.object({
    partner: z.object({ id: z.uuid(), name: z.string() }),
    permissions: z.array(z.string()),
    apiKey: z.object({ id: z.uuid(), name: z.string(), expiresAt: isoDate.nullable() }).nullable(),
  }),
  run: (caller) => describeApiCaller(caller),
});

export const API_KEY_OPERATIONS = [createKey, revokeKey, getMe];
