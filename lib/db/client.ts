import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { env } from "../env.ts";
import { asServiceUnavailable, noteDatabaseFailure, noteDatabaseSuccess } from "./unavailable.ts";

export { Prisma } from "./generated/client.ts";
export type * from "./generated/client.ts";

// One client per process. Kept on globalThis so Next's dev-mode module
// reloading doesn't open a new pool on every edit.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(
    { connectionString: env().DATABASE_URL, max: 10 },
    // A pooled connection dropped by the server (restart, failover): noted, and the pool opens a new one next time.
    { onPoolError: noteDatabaseFailure, onConnectionError: noteDatabaseFailure },
  );
  // Every query and transaction: an unreachable database is ServiceUnavailableError
  // (503, "try again"), never a 500 (lib/db/unavailable.ts, decision 0019).
  // A transaction waits up to 10 s for a pooled connection (Prisma's default, 2 s, turned a burst of 20
  // sign-ins on a busy 2-core machine into a failed sign-in) and may run 15 s (the default 5 s is too
  // tight when the machine is saturated); a transaction that needs longer says so itself.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          noteDatabaseSuccess();
          return result;
        } catch (error) {
          throw asServiceUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
}

const mapsErrors = new Set<PropertyKey>(["$transaction", "$connect"]);

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.__db ??= createClient();
    const value = Reflect.get(globalForDb.__db, property);
    if (typeof value !== "function") return value;
    const bound = value.bind(globalForDb.__db);
    if (!mapsErrors.has(property)) return bound;
    return (...args: unknown[]) =>
      Promise.resolve()
        .then(() => bound(...args))
        .catch((error: unknown) => {
          throw asServiceUnavailable(error);
        });
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
