import { expect, type Page } from "@playwright/test";

/** The vendor console: staff navigation, account lookup, partner pages. */
export class AdminConsole {
  constructor(private readonly page: Page) {}

  nav(label: "Partners" | "Accounts" | "Audit") {
    return this.page.getByRole("navigation", { name: "Vendor console" }).getByRole("link", { name: label });
  }

  async lookUp(text: string) {
    await this.nav("Accounts").click();
    await expect(this.page.getByRole("heading", { name: "Account lookup" })).toBeVisible();
    await this.page.getByLabel("Email or name").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  }

  accountRow(text: string) {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  async detachEmail(reason: string) {
    const form = this.page.getByRole("form", { name: "Detach email" });
    await form.getByLabel("Reason").fill(reason);
    await form.getByRole("button", { name: "Detach email" }).click();
  }

  async inviteToPartner(details: { partner: string; phone?: string; role: string }) {
    const form = this.page.getByRole("form", { name: "Invite to partner" });
    await form.getByRole("combobox", { name: "Partner" }).selectOption({ label: details.partner });
    if (details.phone) await form.getByLabel("Phone").fill(details.phone);
    await form.getByRole("radio", { name: details.role, exact: true }).check();
    await form.getByRole("button", { name: "Send invitation" }).click();
  }

  async addPartnerUser(details: { firstName: string; lastName: string; email: string; phone: string; role: string }) {
    const form = this.page.getByRole("form", { name: "Add partner user" });
    await form.getByLabel("First name").fill(details.firstName);
    await form.getByLabel("Last name").fill(details.lastName);
    await form.getByLabel("Email").fill(details.email);
    await form.getByLabel("Phone").fill(details.phone);
    await form.getByRole("radio", { name: details.role, exact: true }).check();
    await form.getByRole("button", { name: "Send invitation" }).click();
  }
}
