import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export function newUser(label: string) {
  return {
    name: `${label} ${randomBytes(2).toString("hex")}`,
    email: `${label}-${randomBytes(4).toString("hex")}@example.test`,
    password: "a long enough password",
  };
}

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async signUp(user: { name: string; email: string; password: string }) {
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    // Sign-up never signs in by itself (it must look the same for a known email): sign in as a person would.
    await expect(this.page.getByRole("heading", { name: "Sign in to Switchyard" })).toBeVisible();
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** Fills the form and presses Create account, without the sign-in after it (for a refusal by the server). */
  async submit(user: { name: string; email: string; password: string }) {
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async open() {
    await this.page.goto("/sign-up");
    await expect(this.page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  }
}
