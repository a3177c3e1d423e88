import "server-only";
import { env } from "../env.ts";

/** Where a notification's recipient changes or stops it: their own settings (app/(portal)/team/me). */
export function notificationSettingsUrl(): string {
  return new URL("/team/me#notifications", env().APP_URL).toString();
}

/** An absolute link into the portal for an email (APP_URL, never the request). */
export function portalUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
