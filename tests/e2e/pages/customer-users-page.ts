import { expect, type Page } from "@playwright/test";

export class CustomerUsersPage {
  constructor(private readonly page: Page) {}

  async goto(customerId: string) {
    await this.page.goto(`/customers/${customerId}/users`);
    await expect(this.page.getByRole("heading", { name: "Users and licenses" })).toBeVisible();
  }

  row(text: string) {
    return this.page.getByRole("row").filter({ hasText: text });
  }

  async select(...names: string[]) {
    for (const name of names) await this.page.getByRole("checkbox", { name: `Select ${name}` }).check();
  }

  async manageLicenses(changes: Record<string, boolean>) {
    await this.page.getByRole("button", { name: "Manage licenses" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Manage licenses" });
    await expect(dialog).toBeVisible();
    for (const [product, on] of Object.entries(changes)) await dialog.getByRole("checkbox", { name: product }).setChecked(on);
    return dialog;
  }

  async deleteSelected() {
    await this.page.getByRole("toolbar", { name: "Selected users" }).getByRole("button", { name: "Delete" }).click();
    await this.page.getByRole("alertdialog").getByRole("button", { name: /^Delete users?$/ }).click();
  }

  async openDeletedTab() {
    await this.page.getByRole("navigation", { name: "User lists" }).getByRole("link", { name: "Deleted users" }).click();
    await expect(this.page.getByRole("table", { name: "Deleted users" })).toBeVisible();
  }
}
