import { expect, type Page } from "@playwright/test";

/** /team/<id>: edit form and account actions of one team member. */
export class TeamMemberPage {
  constructor(private readonly page: Page) {}

  async open(name: string) {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" }).click();
    await this.page.getByRole("link", { name }).click();
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
  }

  get editForm() {
    return this.page.getByRole("form", { name: "Edit user" });
  }

  async setRole(role: string) {
    await this.editForm.getByRole("radio", { name: role, exact: true }).check();
  }

  async save() {
    await this.editForm.getByRole("button", { name: "Save changes" }).click();
    await expect(this.editForm.getByRole("status")).toContainText("Saved");
  }

  async delete(name: string) {
    await this.page.getByRole("button", { name: "Delete user" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Delete ${name}?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: `Delete ${name}` }).click();
  }
}
