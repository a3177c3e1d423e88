import { describe, expect, it } from "vitest";
import { renderEmail } from "@/lib/email/render";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createElement, type ReactElement } from "react";
import { render } from "@react-email/render";
import { isEmailTemplate, type EmailProps, type EmailTemplate } from "@/lib/email/templates";
import { linksIn } from "@/lib/email/links";

const activationUrl = "https://portal.example.test/activate/Abc_DEF-123456789012345678901234567890123";
const resetUrl = "https://portal.example.test/reset-password/Xyz_UVW-123456789012345678901234567890123";
const invitation = {
  firstName: "Grace",
  invitedByName: "Alice Admin",
  partnerName: "Acme Resellers",
  activationUrl,
  expiresAt: "2030-01-04T12:00:00.000Z",
};

const linkCases = {
  activation: { props: invitation, url: activationUrl, subject: [/invit/i, /Acme Resellers/] },
  "invite-resent": { props: invitation, url: activationUrl, subject: [/invit/i, /new.*link|link.*new/i, /Acme Resellers/] },
  "password-reset": {
    props: { firstName: "Grace", resetUrl, expiresInMinutes: 60 },
    url: resetUrl,
    subject: [/^Reset your Partner Portal password$/],
  },
} satisfies { [T in EmailTemplate]?: { props: EmailProps[T]; url: string; subject: RegExp[] } };

describe.each(Object.keys(linkCases) as (keyof typeof linkCases)[])("the %s email", (template) => {
  const { props, url, subject } = linkCases[template];

  it("has a subject, an HTML link and the link verbatim in the plain text", async () => {
    const email = await renderEmail(template, props as never);
    for (const pattern of subject) expect(email.subject).toMatch(pattern);
    expect(email.html).toContain(`href="${url}"`);
    expect(linksIn(email.html)).toEqual([url]);
    expect(email.text).toContain(url);
    expect(email.text).toContain("Hello Grace,");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });
});

// Every template file in emails/, registered or not: it renders its preview
// values into a subject, HTML and a plain-text part with no markup left in it.
const templateFiles = readdirSync(path.join(import.meta.dirname, "../../emails")).filter((file) => !file.startsWith("_"));

describe.each(templateFiles)("emails/%s", (file) => {
  it("renders its preview into a subject, HTML and plain text", async () => {
    const template = (await import(`../../emails/${file}`)) as {
      default: ((props: object) => ReactElement) & { PreviewProps: object };
      subject: (props: object) => string;
    };
    const props = template.default.PreviewProps;
    expect(props, "PreviewProps").toBeTruthy();
    expect(template.subject(props).length).toBeGreaterThan(5);
    const html = await render(createElement(template.default, props));
    const text = await render(createElement(template.default, props), { plainText: true });
    expect(html).toMatch(/<html/i);
    expect(text.trim().length).toBeGreaterThan(20);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it("is registered for the outbox under its name", () => {
    expect(isEmailTemplate(file.replace(/\.tsx$/, ""))).toBe(true);
  });
});

describe("invitation emails", () => {
  // The four emails with an activation link share one frame (emails/activation.tsx InvitationEmail).
  const activationLinkEmails = {
    activation: invitation,
    "invite-resent": invitation,
    "invite-reminder": invitation,
    "customer-welcome": { firstName: "Grace", partnerName: "Acme Resellers", customerName: "Fabrikam Dental", username: "grace.h", activationUrl, expiresAt: invitation.expiresAt },
  } satisfies { [T in EmailTemplate]?: EmailProps[T] };

  it.each(Object.keys(activationLinkEmails) as (keyof typeof activationLinkEmails)[])(
    "%s has the link, the expiry sentence and a plain-text part",
    async (template) => {
      const email = await renderEmail(template, activationLinkEmails[template] as never);
      expect(linksIn(email.html)).toEqual([activationUrl]);
      expect(email.text).toContain(activationUrl);
      expect(email.text).toContain("This link works once and expires on 4 January 2030 at 12:00 UTC.");
      expect(email.text).toContain("Hello Grace,");
      expect(email.text).not.toMatch(/<[a-z]/i);
    },
  );

  it.each(["activation", "invite-resent"] as const)("%s names the partner and when the link expires", async (template) => {
    const email = await renderEmail(template, invitation);
    expect(email.text).toContain("Acme Resellers");
    expect(email.text).toContain("Alice Admin");
    expect(email.text).toContain("4 January 2030 at 12:00 UTC");
  });

  it("escapes HTML special characters in the values", async () => {
    const email = await renderEmail("activation", {
      ...invitation,
      firstName: `Tom & "Jerry"`,
      partnerName: `<script>alert("x")</script> & Co`,
      invitedByName: "<b>Bold</b>",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>Bold</b>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.html).toContain("Tom &amp; ");
    expect(email.html).toContain("&lt;b&gt;Bold&lt;/b&gt;");
    // The plain-text part is not HTML: the values read as written.
    expect(email.text).toContain(`<script>alert("x")</script> & Co`);
  });
});

describe("password reset email", () => {
  it("says how long the link works", async () => {
    const email = await renderEmail("password-reset", { firstName: "Grace", resetUrl, expiresInMinutes: 45 });
    expect(email.text).toContain("45 minutes");
  });
});
