// npm run apikey -- --partner <slug or id> --name <name> [--permissions a,b] [--expires YYYY-MM-DD]
//   creates a partner API key and prints only the key on stdout (decision 0018);
// npm run apikey -- --list
//   prints one partner a line: slug, id, status, name.
// Runs with the react-server condition (package.json) so lib/ modules marked server-only load.
import { parseArgs } from "node:util";
import { openAppDatabase } from "./support/app-database.ts";
import { localAuthSecret } from "./support/app-env.ts";
import { applyMigrations } from "./support/migrations.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    partner: { type: "string" },
    name: { type: "string" },
    permissions: { type: "string" },
    expires: { type: "string" },
    list: { type: "boolean" },
  },
});

const database = await openAppDatabase({ quiet: true });
process.env.DATABASE_URL ??= database.url;
// The same settings `npm start` fills in, so the key is made for the portal that `npm start` serves.
process.env.AUTH_SECRET ??= localAuthSecret();
try {
  await applyMigrations(database.url);
  const { db } = await import("../lib/db/client.ts");
  const { partnerSlug } = await import("../lib/api-keys/slug.ts");
  const partners = await db.partner.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, status: true } });
  if (values.list) {
    for (const p of partners) console.log(`${partnerSlug(p.name)}\t${p.id}\t${p.status}\t${p.name}`);
  } else {
    const { PARTNER_PERMISSIONS } = await import("../lib/auth/permissions.ts");
    const { insertApiKey } = await import("../lib/api-keys/keys.ts");
    const { CreateApiKeyInput } = await import("../lib/api-keys/schemas.ts");
    if (!values.partner || !values.name) fail("Usage: npm run apikey -- --partner <slug> --name <name> [--permissions a,b] [--expires YYYY-MM-DD] | --list");
    const matches = partners.filter((p) => p.id === values.partner || partnerSlug(p.name) === values.partner);
    if (matches.length === 0) fail(`No partner "${values.partner}". npm run apikey -- --list shows them.`);
    if (matches.length > 1) fail(`Several partners match "${values.partner}"; give the id: ${matches.map((p) => p.id).join(", ")}`);
    const parsed = CreateApiKeyInput.safeParse({
      name: values.name,
      permissions: values.permissions ? values.permissions.split(",").map((p) => p.trim()).filter(Boolean) : [...PARTNER_PERMISSIONS],
      expiresOn: values.expires,
    });
    if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    const expiresAt = parsed.data.expiresOn ? new Date(parsed.data.expiresOn.getTime() + 24 * 3600_000) : null;
    const created = await insertApiKey(
      { userId: null, partnerId: matches[0].id, ip: null, userAgent: "npm run apikey" },
      { partnerId: matches[0].id, name: parsed.data.name, permissions: parsed.data.permissions, expiresAt, createdById: null },
    );
    console.log(created.key);
  }
  await db.$disconnect();
} finally {
  await database.stop();
}
