"use server";
import { formAction } from "../operations/form.ts";
import { updateProfile } from "./operations.ts";
import { createKey, revokeKey } from "../api-keys/operations.ts";

// Settings' server actions: adapters over settings.updateProfile, apiKeys.create and apiKeys.revoke.

export const updateProfileAction = formAction(updateProfile, {
  revalidate: "/settings",
  message: () => "The organization profile is saved.",
});

export const createApiKeyAction = formAction(createKey, {
  revalidate: "/settings",
  // The secret goes back once, to be shown once; it is never stored in clear.
  data: (key) => ({ id: key.id, name: key.name, key: key.key }),
  message: (key) => `API key "${key.name}" created. Copy it now: it won't be shown again.`,
});

export const revokeApiKeyAction = formAction(revokeKey, {
  revalidate: "/settings",
  message: (key) => `API key "${key.name}" is revoked.`,
});
