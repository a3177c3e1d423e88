import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { env } from "../env.ts";

export { Prisma } from "./generated/client.ts";
export type * from "./generated/client.ts";

// One client per process. Kept on globalThis so Next's dev-mode module
// reloading doesn't open a new pool on every edit.
const globalForDb = globalThis as unknown as { __db?: PrismaClient };

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }) });
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.__db ??= createClient();
    const value = Reflect.get(globalForDb.__db, property);
    return typeof value === "function" ? value.bind(globalForDb.__db) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
