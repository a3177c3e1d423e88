import { expect, type Page } from "@playwright/test";

export type InviteDetails = {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  role?: string;
  permissions?: string[];
};

export class TeamPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    await expect(this.page.getByRole("heading", { name: "Team" })).toBeVisible();
  }

  async invite(details: InviteDetails) {
    await this.page.getByRole("link", { name: "Invite user" }).click();
    await expect(this.page.getByRole("heading", { name: "Invite user" })).toBeVisible();
    await this.fillInvite(details);
    await this.page.getByRole("button", { name: "Send invitation" }).click();
  }

  async fillInvite(details: InviteDetails) {
    const form = this.page.getByRole("form", { name: "Invite user" });
    await form.getByLabel("First name").fill(details.firstName);
    await form.getByLabel("Last name").fill(details.lastName);
    await form.getByLabel("Email").fill(details.email);
    if (details.phone) await form.getByLabel("Phone").fill(details.phone);
    if (details.role) await form.getByRole("radio", { name: details.role, exact: true }).check();
    for (const permission of details.permissions ?? []) await form.getByRole("checkbox", { name: permission }).check();
  }

  row(email: string) {
    return this.page.getByRole("row").filter({ hasText: email });
  }
}
