import { beforeAll, describe, expect, it, vi } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { openProps, sealProps } from "@/lib/email/sealed-props";
import { generateTemporaryPassword } from "@/lib/auth/temporary-password";

beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "unit-test-secret-unit-test-secret-0123456789");
  vi.stubEnv("DATABASE_URL", "postgres://unused@localhost/unused");
});

describe("the credentials email (Email to me)", () => {
  const usersUrl = "https://portal.example.test/customers/1/users";

  it("keeps passwords sealed in its outbox props and shows them only when rendered", async () => {
    const password = generateTemporaryPassword();
    const props = sealProps({
      firstName: "Grace",
      customerName: "Fabrikam Dental",
      credentials: [{ name: "Ada Lovelace", username: "ada.lovelace-k3x9q2", temporaryPassword: password }],
      usersUrl,
    });
    expect(JSON.stringify(props)).not.toContain(password);
    expect(JSON.stringify(props)).not.toContain("ada.lovelace");

    const email = await renderEmail("customer-credentials", props);
    expect(email.subject).toBe("Sign-in details for 1 user of Fabrikam Dental");
    expect(email.text).toContain("Hello Grace,");
    expect(email.text).toContain(`Ada Lovelace · ada.lovelace-k3x9q2 · ${password}`);
    expect(email.html).toContain(`href="${usersUrl}"`);
  });

  it("refuses a tampered seal", () => {
    const { sealed } = sealProps({ firstName: "G", customerName: "C", credentials: [], usersUrl });
    const [iv, tag, body] = sealed.split(".");
    const flipped = body.slice(0, -2) + (body.endsWith("A") ? "BA" : "AA");
    expect(() => openProps({ sealed: [iv, tag, flipped].join(".") })).toThrow();
  });
});

describe("the subscription threshold email", () => {
  it("says how full the subscription is and links to the customer's users", async () => {
    const email = await renderEmail("subscription-threshold", {
      firstName: "Grace",
      customerName: "Fabrikam Dental",
      productName: "Productivity Standard",
      assigned: 10,
      purchased: 10,
      full: true,
      usersUrl: "https://portal.example.test/customers/1/users",
    });
    expect(email.subject).toBe("Fabrikam Dental: Productivity Standard has no free seats left");
    expect(email.text).toContain("10 of 10 Productivity Standard seats assigned");
  });
});
