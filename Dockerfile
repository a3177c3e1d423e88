# The portal as a container: two images from one build (docs/deploy.md).
#   docker build -t partner-portal .                      the app: node server.js (the standalone server)
#   docker build -t partner-portal-migrate --target migrate .   one-shot: npm run db:migrate, then exits
# Both are thin wrappers around what `npm run test:scale` proves: `npm run build`
# (next build + static assets copied into <distDir>/standalone), then
# `node .next/standalone/server.js` with HOSTNAME and PORT.

ARG NODE_VERSION=22

# ── build: dependencies (npm ci also generates the Prisma client), then the standalone build
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# postinstall (scripts/prisma-generate.ts) needs the schema and the script.
COPY prisma ./prisma
COPY scripts ./scripts
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run build

# ── migrate: `npm run db:migrate` on Prisma's WebAssembly schema engine (scripts/support/migrations.ts).
# Needs node_modules (tsx, pg, @prisma/schema-engine-wasm, @prisma/adapter-pg), scripts/ and prisma/migrations.
FROM node:${NODE_VERSION}-bookworm-slim AS migrate
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
USER node
# DATABASE_URL must be set: without it the script would start an embedded PostgreSQL.
CMD ["node_modules/.bin/tsx", "scripts/db-migrate.ts", "deploy"]

# ── app: only the standalone server (its own pruned node_modules) and the static assets beside it
FROM node:${NODE_VERSION}-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    # Docker sets HOSTNAME to the container id; the standalone server binds to HOSTNAME.
    HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
CMD ["node", "server.js"]
