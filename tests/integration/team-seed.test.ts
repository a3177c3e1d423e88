import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/db/generated/client";
import { seedIfEmpty } from "@/prisma/seed";
import { cloneTemplate } from "../support/test-database";
import { databaseUrl } from "@/scripts/support/postgres";

describe("demo data for team management", () => {
  it("has a pending and an expired invitation, a disabled and a restorable deleted member", async () => {
    const server = inject("testDatabase");
    const name = `${server.templateName}_teamseed${process.env.VITEST_POOL_ID ?? "0"}`;
    await cloneTemplate(server, name);
    const url = databaseUrl(server.serverUrl, name);
    await seedIfEmpty(url);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const team = await db.user.findMany({
        where: { partner: { name: "Northwind Solutions" } },
        select: { lastName: true, status: true, deletedAt: true, tokens: { select: { expiresAt: true } } },
      });
      const by = (lastName: string) => team.find((u) => u.lastName === lastName)!;
      expect(by("Pending").tokens[0].expiresAt.getTime()).toBeGreaterThan(Date.now());
      expect(by("Expired").tokens[0].expiresAt.getTime()).toBeLessThan(Date.now());
      expect(by("Disabled").status).toBe("DISABLED");
      expect(by("Departed").deletedAt).not.toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
