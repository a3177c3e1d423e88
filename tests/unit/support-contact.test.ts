import { describe, expect, it } from "vitest";
import { ACCOUNT_DISABLED_CONTACT_SUPPORT, EMAIL_IN_OTHER_ORGANIZATION, partnerSuspendedMessage, supportLinkFor } from "@/lib/support-contact";

const byEmail = { email: "help@vendor.example", url: null };
const byPage = { email: "help@vendor.example", url: "https://vendor.example/support?lang=en" };

describe("support links", () => {
  it("turns the taken-email message into a mailto: naming the address", () => {
    expect(supportLinkFor(byEmail, EMAIL_IN_OTHER_ORGANIZATION, " ada@example.test ")).toBe(
      "mailto:help@vendor.example?subject=Duplicate%20email%20for%20ada%40example.test",
    );
  });

  it("uses SUPPORT_URL with a subject parameter when set", () => {
    expect(supportLinkFor(byPage, ACCOUNT_DISABLED_CONTACT_SUPPORT, "lena")).toBe(
      "https://vendor.example/support?lang=en&subject=Disabled+account%3A+lena",
    );
    expect(supportLinkFor(byPage, partnerSuspendedMessage("Unpaid"))).toBe(
      "https://vendor.example/support?lang=en&subject=Suspended+organization",
    );
  });

  it("adds nothing to other messages", () => {
    expect(supportLinkFor(byEmail, "This email already belongs to someone in your organization.", "x@y.z")).toBeNull();
    expect(supportLinkFor(byEmail, "The email, username or password is incorrect.")).toBeNull();
  });
});
