// Demo data for `npm start` and `npm run db:seed`: written once, into an
// empty database. Everything here is fictional.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/db/generated/client.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { seedVendorDemo } from "./seed-vendor.ts";
import { seedCustomersDemo } from "./seed-customers.ts";
import { seedTeamDemo } from "./seed-team.ts";

const DEMO_PASSWORD = "portal-demo-2026";

type Credential = { label: string; login: string; password: string };

const DEMO_CREDENTIALS: Credential[] = [
  { label: "Portal Owner (Acme Software)", login: "owner@acme.example", password: DEMO_PASSWORD },
  { label: "Support (Acme Software)", login: "support@acme.example", password: DEMO_PASSWORD },
  { label: "Partner Admin (Northwind Solutions)", login: "nadia.admin@northwind.example", password: DEMO_PASSWORD },
  { label: "Partner Admin (Contoso IT)", login: "carl.admin@contoso.example", password: DEMO_PASSWORD },
];

const PRODUCTS = [
  { code: "PP-BASIC", name: "Productivity Basic", description: "Email, calendar and web apps." },
  { code: "PP-STANDARD", name: "Productivity Standard", description: "Desktop apps, email and file storage." },
  { code: "PP-PREMIUM", name: "Productivity Premium", description: "Standard plus advanced security." },
  { code: "SEC-ENDPOINT", name: "Endpoint Protection", description: "Device protection per user." },
  { code: "BKP-CLOUD", name: "Cloud Backup", description: "Daily backup of mailboxes and files." },
];

export async function seedIfEmpty(databaseUrl: string): Promise<{ seeded: boolean; credentials: Credential[] }> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await db.user.count()) > 0) return { seeded: false, credentials: DEMO_CREDENTIALS };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();

    await db.$transaction(async (tx) => {
      await tx.product.createMany({ data: PRODUCTS });

      const person = (firstName: string, lastName: string, email: string) => ({
        firstName,
        lastName,
        email,
        emailNormalized: email.toLowerCase(),
      });

      await tx.user.createMany({
        data: [
          { kind: "STAFF", role: "portal_owner", status: "ACTIVE", passwordHash, ...person("Olivia", "Owner", "owner@acme.example") },
          { kind: "STAFF", role: "support", status: "ACTIVE", passwordHash, ...person("Sam", "Support", "support@acme.example") },
        ],
      });

      const partners = [
        {
          name: "Northwind Solutions",
          admin: person("Nadia", "Admin", "nadia.admin@northwind.example"),
          team: [
            { role: "account_executive", ...person("Ethan", "Executive", "ethan.exec@northwind.example") },
            { role: "sales", ...person("Sofia", "Sales", "sofia.sales@northwind.example") },
          ],
          customers: [
            { type: "COMPANY" as const, name: "Fabrikam Dental", contactEmail: "it@fabrikam-dental.example" },
            { type: "COMPANY" as const, name: "Tailspin Logistics", contactEmail: "office@tailspin.example" },
            { type: "INDIVIDUAL" as const, name: "Maria Lopez", contactEmail: "maria.lopez@example.net" },
          ],
        },
        {
          name: "Contoso IT",
          admin: person("Carl", "Admin", "carl.admin@contoso.example"),
          team: [{ role: "read_only", ...person("Rita", "Reader", "rita.reader@contoso.example") }],
          customers: [
            { type: "COMPANY" as const, name: "Adventure Works Bikes", contactEmail: "admin@adventure-works.example" },
            { type: "COMPANY" as const, name: "Wide World Importers", contactEmail: "it@wideworld.example" },
          ],
        },
      ];

      for (const spec of partners) {
        const partner = await tx.partner.create({ data: { name: spec.name } });
        const admin = await tx.user.create({
          data: { kind: "PARTNER", partnerId: partner.id, role: "partner_admin", status: "ACTIVE", passwordHash, ...spec.admin },
        });
        await tx.partner.update({ where: { id: partner.id }, data: { primaryUserId: admin.id } });
        for (const member of spec.team) {
          await tx.user.create({
            data: {
              kind: "PARTNER",
              partnerId: partner.id,
              status: "ACTIVE",
              passwordHash,
              managerId: member.role === "account_executive" ? admin.id : null,
              invitedById: admin.id,
              lastSignInAt: now,
              ...member,
            },
          });
        }
        await tx.customer.createMany({ data: spec.customers.map((customer) => ({ ...customer, partnerId: partner.id })) });
      }
      await seedVendorDemo(tx);
      await seedCustomersDemo(tx, passwordHash);
      await seedTeamDemo(tx, passwordHash);
    });
    return { seeded: true, credentials: DEMO_CREDENTIALS };
  } finally {
    await db.$disconnect();
  }
}
