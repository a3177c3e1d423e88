import type { Page } from "@playwright/test";
import type { CaughtEmail } from "../support/mail-catcher";

/** The activation link of an invitation email (fails the test if the email has none). */
export function activationLinkIn(email: CaughtEmail): string {
  const link = email.links.find((href) => href.includes("/activate/"));
  if (!link) throw new Error(`The email "${email.subject}" has no activation link.`);
  return link;
}

/** The page an activation or password reset link opens (components/auth/new-password-form.tsx): a password typed twice. */
export class NewPasswordPage {
  constructor(private readonly page: Page) {}

  async choose(password: string, submitLabel: "Activate account" | "Set new password", confirmation = password) {
    await this.page.getByLabel("New password").fill(password);
    await this.page.getByLabel("Confirm password").fill(confirmation);
    await this.page.getByRole("button", { name: submitLabel }).click();
  }
}
