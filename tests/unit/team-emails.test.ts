import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { linksIn } from "@/lib/email/links";

const url = "https://portal.example.test/confirm-email/Abc_DEF-123456789012345678901234567890123";

describe("team management emails", () => {
  it("email-change confirmation goes with the link and says nothing changes before confirming", async () => {
    const email = await renderEmail("email-change-confirm", { firstName: "Grace", newEmail: "g@new.test", confirmUrl: url, expiresAt: "2030-01-04T12:00:00.000Z" });
    expect(email.subject).toMatch(/confirm/i);
    expect(linksIn(email.html)).toEqual([url]);
    expect(email.text).toContain(url);
    expect(email.text).toContain("Nothing changes until you confirm");
  });

  it("the notice to the old address names the new one and carries no link", async () => {
    const email = await renderEmail("email-change-notice", { firstName: "Grace", newEmail: "g@new.test", stage: "requested" });
    expect(email.text).toContain("g@new.test");
    expect(linksIn(email.html)).toEqual([]);
    const done = await renderEmail("email-change-notice", { firstName: "Grace", newEmail: "g@new.test", stage: "changed" });
    expect(done.subject).toMatch(/was changed/);
  });

  it("the lock notice gives the wait and a way to reset", async () => {
    const email = await renderEmail("account-locked", { firstName: "Grace", minutes: 4, resetUrl: "https://portal.example.test/forgot-password" });
    expect(email.text).toContain("locked for 4 minutes");
    expect(linksIn(email.html)).toEqual(["https://portal.example.test/forgot-password"]);
  });

  it("invitation notices say what happened to whom", async () => {
    const props = { firstName: "Alice", inviteeName: "Ivy Invitee", inviteeEmail: "ivy@x.test", teamUrl: "https://portal.example.test/team" };
    expect((await renderEmail("invitation-status", { ...props, event: "accepted" })).subject).toBe("Ivy Invitee accepted their invitation");
    const expired = await renderEmail("invitation-status", { ...props, event: "expired" });
    expect(expired.subject).toBe("Ivy Invitee's invitation expired");
    expect(expired.text).toContain("re-invite them");
  });

  it("the reminder carries a fresh activation link", async () => {
    const activationUrl = "https://portal.example.test/activate/Abc_DEF-123456789012345678901234567890123";
    const email = await renderEmail("invite-reminder", {
      firstName: "Grace",
      invitedByName: "Alice Admin",
      partnerName: "Acme",
      activationUrl,
      expiresAt: "2030-01-04T12:00:00.000Z",
    });
    expect(email.subject).toMatch(/Reminder/);
    expect(linksIn(email.html)).toEqual([activationUrl]);
  });
});
