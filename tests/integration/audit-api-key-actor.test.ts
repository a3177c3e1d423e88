// The audit log names an API key as the actor of what it did (DESIGN §8,
// decision 0023): the partner's /audit and the vendor console's portal-wide
// log read listAuditEvents and render AuditTable; both show "API key: <name>"
// where an API call acted, never "System or anonymous".
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/keys";
import { AuditFilters, listAuditEvents } from "@/lib/audit/queries";
import { AuditTable } from "@/components/audit/audit-table";
import * as users from "@/app/api/v1/users/route";
import { createPartner, uniqueEmail } from "../support/factories";
import { request } from "../support/api";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("audit log: an API key as the actor", () => {
  it("shows the key's name for what it did, in the partner's log and the vendor console's, and finds it by that name", async () => {
    const { caller, partner } = await createPartner();
    const { key } = await createApiKey(caller, { name: "Billing sync", permissions: ["users.manage", "users.view"], expiresOn: undefined });
    const email = uniqueEmail("via-key");
    const response = await users.POST(
      request("POST", "/users", key, { firstName: "Ada", lastName: "Lovelace", email, permissions: ["users.view"] }),
    );
    expect(response.status).toBe(201);
    const invitedId = ((await response.json()) as { id: string }).id;

    const partnerLog = await listAuditEvents({ partnerId: partner.id }, AuditFilters.parse({ target: invitedId }));
    const consoleLog = await listAuditEvents("all", AuditFilters.parse({ target: invitedId }));
    for (const [view, log] of [["partner", partnerLog], ["console", consoleLog]] as const) {
      expect(log.events.map((event) => event.action)).toEqual(["user.invited"]);
      expect(log.events[0].actor).toEqual({ name: "API key: Billing sync", email: null });
      const html = text(renderToStaticMarkup(createElement(AuditTable, { events: log.events, caption: "Audit", view })));
      expect(html).toContain("API key: Billing sync");
      expect(html).not.toContain("System or anonymous");
    }

    // The actor filter finds the key by (part of) its name, within the partner only.
    const byKey = await listAuditEvents({ partnerId: partner.id }, AuditFilters.parse({ actor: "billing" }));
    expect(byKey.events.map((event) => event.targetId)).toContain(invitedId);
    expect(byKey.events.every((event) => event.actor?.name === "API key: Billing sync")).toBe(true);
    const other = await createPartner();
    expect((await listAuditEvents({ partnerId: other.partner.id }, AuditFilters.parse({ actor: "billing" }))).events).toEqual([]);

    // A person is still shown by name and email.
    const byPerson = await listAuditEvents({ partnerId: partner.id }, AuditFilters.parse({ actor: caller.email }));
    expect(byPerson.events.length).toBeGreaterThan(0);
    expect(byPerson.events.every((event) => event.actor?.email === caller.email)).toBe(true);
  });
});
