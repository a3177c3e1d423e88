import { z } from "zod";

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
  ACTIVATION_TOKEN_TTL_HOURS: z.coerce.number().int().positive().default(72),
  PASSWORD_RESET_TOKEN_TTL_MINUTES: z.coerce.number().int().positive().default(60),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().positive().default(12),
  OUTBOX_WORKER_ENABLED: booleanFromString.default(true),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().positive().default(1000),
  SERVER_ACTIONS_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((origin) => origin.trim()).filter(Boolean)),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";
