import { expect, type Page } from "@playwright/test";

/**
 * The authorization server's consent page (/oauth/consent/<uid>) as a person meets it after a client sent them to
 * /oauth/authorize: first the sign-in page when not signed in, which returns here; then "Allow <client>" with
 * Allow and Deny, or the refusal for someone who may not use the server.
 */
export class ConsentPage {
  constructor(private readonly page: Page) {}

  get heading() {
    return this.page.getByRole("heading", { name: /^Allow/ });
  }

  get refusal() {
    return this.page.getByRole("heading", { name: "You can't connect to this server" });
  }

  private get signInHeading() {
    return this.page.getByRole("heading", { name: "Sign in to Switchyard" });
  }

  /** Opens the authorization URL and signs in when asked; ends on the consent page or the refusal. */
  async open(authorizationUrl: URL | string, user?: { email: string; password: string }) {
    await this.page.goto(String(authorizationUrl));
    await expect(this.heading.or(this.refusal).or(this.signInHeading)).toBeVisible();
    if (await this.signInHeading.isVisible()) {
      if (!user) throw new Error("the consent page asked to sign in, and no user was given");
      await this.page.getByLabel("Email").fill(user.email);
      await this.page.getByLabel("Password").fill(user.password);
      await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(this.heading.or(this.refusal)).toBeVisible();
    }
  }

  async allow() {
    await this.page.getByRole("button", { name: "Allow", exact: true }).click();
  }

  async deny() {
    await this.page.getByRole("button", { name: "Deny", exact: true }).click();
  }
}
