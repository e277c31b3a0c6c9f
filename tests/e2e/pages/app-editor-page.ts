import { expect, type Page } from "@playwright/test";

/** The app editor ("Orchestrate"), its Tools section, and Debug & Preview beside it. */
export class AppEditorPage {
  constructor(private readonly page: Page) {}

  get preview() {
    return this.page.getByRole("region", { name: "Debug & Preview" });
  }

  get conversation() {
    return this.preview.getByRole("log", { name: "Conversation" });
  }

  get enabledTools() {
    return this.page.getByRole("status", { name: "Enabled tools" });
  }

  async setInstructions(text: string) {
    await this.page.getByLabel("Instructions").fill(text);
  }

  async addInputField({ label, key, required }: { label: string; key: string; required?: boolean }) {
    await this.page.getByRole("button", { name: "Add input field" }).click();
    // The fieldset is named after the field's label, so the label is typed last.
    const field = this.page.getByRole("group", { name: /^Input field / }).last();
    await field.getByLabel("Key", { exact: true }).fill(key);
    if (required) await field.getByLabel("Required").check();
    await field.getByLabel("Label", { exact: true }).fill(label);
    await expect(this.page.getByRole("group", { name: `Input field ${label}` })).toBeVisible();
  }

  /** One row of the input form editor, by the field's label. */
  inputField(label: string) {
    return this.page.getByRole("group", { name: `Input field ${label}` });
  }

  model() {
    return this.page.getByLabel("Model", { exact: true });
  }

  async expectSaved() {
    await expect(this.page.getByText("Saved", { exact: true })).toBeVisible();
  }

  async publish(version: number) {
    await this.page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(this.page.getByText(`Published v${version}`)).toBeVisible();
  }

  /** "Add tools" -> "Add all tools of <server>" -> "Save tools". */
  async addAllToolsOf(server: string) {
    await this.page.getByRole("button", { name: "Add tools" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Add tools" });
    const addAll = dialog.getByRole("button", { name: `Add all tools of ${server}` });
    // Visible as the dialog opens: a long tool description must not push the buttons past the dialog's edge.
    await expect(addAll).toBeInViewport();
    await addAll.click();
    await dialog.getByRole("button", { name: "Save tools" }).click();
    await expect(dialog).toBeHidden();
  }

  /** A tool's settings in the agent: the description shown to the model instead of the server's. */
  async setToolDescription(tool: string, description: string) {
    await this.page.getByRole("button", { name: `Settings for ${tool}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Settings for ${tool}` });
    await dialog.getByLabel("Description shown to the model").fill(description);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  toolSwitch(tool: string, server: string) {
    return this.page.getByRole("switch", { name: `Enable ${tool} from ${server}` });
  }

  /** A text field of the app's input form, above the chat. */
  textInput(label: string) {
    return this.preview.getByRole("textbox", { name: label, exact: true });
  }

  async send(message: string) {
    await this.preview.getByRole("textbox", { name: "Message" }).fill(message);
    await this.preview.getByRole("button", { name: "Send" }).click();
  }

  stopButton() {
    return this.preview.getByRole("button", { name: "Stop" });
  }

  /** The collapsible step of one tool call in the conversation, opened to show arguments and result. */
  async openToolStep(name: string | RegExp) {
    const step = this.conversation.getByRole("group", { name: typeof name === "string" ? `Tool call ${name}` : name });
    await step.getByText("Done").click();
    await expect(step.getByText("Arguments")).toBeVisible();
    return step;
  }

  async openLogs() {
    await this.page.getByRole("navigation", { name: "App" }).getByRole("link", { name: "Logs" }).click();
    await expect(this.page).toHaveURL(/\/logs$/);
  }
}
