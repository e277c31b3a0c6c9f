import { expect, type Page } from "@playwright/test";
import { shareShown } from "./share-shown";

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

  /** Shown after Publish: where the published app is used from. */
  get publishedPointer() {
    return this.page.getByRole("status").filter({ hasText: "Use this app from Claude, Cursor or any MCP client" });
  }

  /** The quiet form of the Publish button, while the draft is the published version. */
  get publishedButton() {
    return this.page.getByRole("button", { name: "Published", exact: true });
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

  /** Gives the agent one of a bound server's resources as context (read at every run start). */
  async giveResource(server: string, uri: string) {
    const group = this.page.getByRole("group", { name: `Context resources from ${server}` });
    await group.getByRole("button", { name: "Choose resources" }).click();
    await group.getByRole("list", { name: "Resources to give as context" }).getByRole("checkbox", { name: uri }).check();
    await group.getByRole("button", { name: "Done" }).click();
    await expect(group.getByRole("button", { name: `Stop giving ${uri}` })).toBeVisible();
  }

  toolSwitch(tool: string, server: string) {
    return this.page.getByRole("switch", { name: `Enable ${tool} from ${server}` });
  }

  /** A bound tool's approval: "" (the default from the server's annotations), "auto" or "ask". */
  toolApproval(tool: string, server: string) {
    return this.page.getByRole("combobox", { name: `Approval for ${tool} from ${server}` });
  }

  /** Chooses by keyboard, as the select takes focus first; the draft saves itself. */
  async chooseApproval(tool: string, server: string, option: "Run automatically" | "Ask first") {
    await this.toolApproval(tool, server).focus();
    await this.toolApproval(tool, server).selectOption({ label: option });
  }

  /** A text field of the app's input form, above the chat. */
  textInput(label: string) {
    return this.preview.getByRole("textbox", { name: label, exact: true });
  }

  async send(message: string) {
    await this.preview.getByRole("textbox", { name: "Message" }).fill(message);
    await this.preview.getByRole("button", { name: "Send" }).click();
  }

  /** The card under a tool call that asks first, by the tool's title. */
  approvalCard(title: string) {
    return this.preview.getByRole("region", { name: `Approve ${title}?` });
  }

  /** Replaces the arguments in a tool's approval card. */
  async editApprovalArguments(title: string, json: string) {
    await this.approvalCard(title).getByLabel(/^Arguments/).fill(json);
  }

  stopButton() {
    return this.preview.getByRole("button", { name: "Stop" });
  }

  /** Starts a new conversation in Debug & Preview, stopping an answer still coming. */
  restartButton() {
    return this.preview.getByRole("button", { name: "Restart" });
  }

  /** The collapsible step of one tool call in the conversation, opened to show arguments and result. */
  async openToolStep(name: string | RegExp) {
    const step = this.conversation.getByRole("group", { name: typeof name === "string" ? `Tool call ${name}` : name });
    await step.getByText("Done").click();
    await expect(step.getByText("Arguments")).toBeVisible();
    return step;
  }

  /** The control Debug & Preview offers once the person has scrolled up from the newest message. */
  jumpToLatest() {
    return this.preview.getByRole("button", { name: "Jump to latest" });
  }

  /** How much of the newest element with this text shows inside the conversation's scroll area (1 fully, 0 not). */
  shareShown(text: string) {
    return shareShown(this.conversation, text);
  }

  /** Scrolls the conversation up as a person would, with the mouse wheel over it. */
  async scrollConversationUp(pixels = 2_000) {
    await this.conversation.hover();
    await this.page.mouse.wheel(0, -pixels);
  }

  /** A tool call's step in the conversation (collapsed): its name and its outcome badge. */
  toolStep(name: string | RegExp) {
    return this.conversation.getByRole("group", { name: typeof name === "string" ? `Tool call ${name}` : name });
  }

  async openLogs() {
    await this.page.getByRole("navigation", { name: "App" }).getByRole("link", { name: "Logs" }).click();
    await expect(this.page).toHaveURL(/\/logs$/);
  }
}
