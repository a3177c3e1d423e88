import { z } from "zod";
import { isLoopbackHost } from "./email/mailbox-access.ts";

// The one place that reads process.env for the app (STYLE §9). Parsed on
// first use and cached; a bad value fails fast with one message per variable.
const booleanFromString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  APP_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Partner Portal <no-reply@partner-portal.local>"),
  // Where "Contact support" links point (lib/support-contact.ts): SUPPORT_URL, when set, wins over the address.
  SUPPORT_EMAIL: z.string().trim().email().default("support@partner-portal.local"),
  SUPPORT_URL: z.string().trim().url().refine((url) => /^https?:/.test(url), "SUPPORT_URL must be an http(s) URL").optional(),
  ACTIVATION_TOKEN_TTL_HOURS: z.coerce.number().int().positive().default(72),
  PASSWORD_RESET_TOKEN_TTL_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(12),
  // One reminder to invitees who haven't activated after this many hours (per-partner off switch on the Team page).
  INVITE_REMINDER_AFTER_HOURS: z.coerce.number().int().positive().default(48),
  // Keep mail at /dev/mailbox instead of sending it. Defaults to on outside
  // production; `npm start` turns it on when SMTP_URL is unset.
  DEV_MAILBOX: booleanFromString.optional(),
  // The address the server listens on; `npm start` passes it to Next (default 127.0.0.1) and on to the app,
  // which serves /dev/mailbox only when it is loopback (lib/email/mailbox-access.ts).
  HOST: z.string().trim().min(1).optional(),
  OUTBOX_WORKER_ENABLED: booleanFromString.default(true),
  // Serves /bench/bare-team, the baseline of bench/page-load.ts. Never set it on a real portal.
  BENCH_PAGES: booleanFromString.default(false),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  // How many reverse proxies in front of the app append to X-Forwarded-For; 0 = the connection's address is the client's.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const AppEnvSchema = EnvSchema.transform((values, context) => {
  const devMailbox = values.DEV_MAILBOX ?? values.NODE_ENV !== "production";
  // /dev/mailbox has no sign-in: it may only exist on a portal nobody else can reach.
  if (devMailbox && !LOCAL_HOSTS.has(new URL(values.APP_URL).hostname)) {
    context.addIssue({
      code: "custom",
      path: ["DEV_MAILBOX"],
      message: "the dev mailbox is only allowed with a local APP_URL; set SMTP_URL and DEV_MAILBOX=false",
    });
  }
  // Mail kept for a page nobody may read would be lost: with HOST open to the network, mail needs SMTP.
  if (devMailbox && !values.SMTP_URL && values.HOST !== undefined && !isLoopbackHost(values.HOST)) {
    context.addIssue({
      code: "custom",
      path: ["HOST"],
      message: `the dev mailbox is only served on a loopback address, not ${values.HOST}; set SMTP_URL to listen there`,
    });
  }
  return { ...values, DEV_MAILBOX: devMailbox };
});

export type Env = z.infer<typeof AppEnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = AppEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env: the next env() call parses it again. */
export function resetEnvCacheForTests() {
  cached = undefined;
}
