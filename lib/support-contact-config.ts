import "server-only";
import { env } from "./env.ts";
import type { SupportContact } from "./support-contact.ts";

/** The configured support contact (SUPPORT_URL wins over SUPPORT_EMAIL), for lib/support-contact.ts's links. */
export function supportContact(): SupportContact {
  return { email: env().SUPPORT_EMAIL, url: env().SUPPORT_URL ?? null };
}
