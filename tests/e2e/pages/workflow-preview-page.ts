import { expect, type Page } from "@playwright/test";

/** A workflow app's Debug & Preview: the input form, Run, the per-node trace, and the Re-run dialog. */
export class WorkflowPreviewPage {
  constructor(private readonly page: Page) {}

  async open(appId: string) {
    await this.page.goto(`/apps/${appId}`);
    // With the canvas, the preview sits behind its tab; without it, it is the page.
    const tab = this.page.getByRole("tab", { name: "Preview" });
    await expect(tab.or(this.region).first()).toBeVisible();
    if (await tab.isVisible()) await tab.click();
    await expect(this.region).toBeVisible();
  }

  get region() {
    return this.page.getByRole("region", { name: "Debug & Preview" });
  }

  input(label: string) {
    return this.region.getByRole("textbox", { name: label, exact: true });
  }

  async run() {
    await this.region.getByRole("button", { name: "Run", exact: true }).click();
  }

  /** The newest run's trace. */
  get trace() {
    return this.region.getByTestId("run-trace");
  }

  /** A node's row in a trace, by node id. */
  row(nodeId: string, within = this.trace) {
    return within.locator(`[data-testid="node-run"][data-node-id="${nodeId}"]`);
  }

  /** A node on the workflow canvas, whose data-run-state tells how it ran in the preview's run. */
  canvasNode(nodeId: string) {
    return this.page.locator(`.react-flow__node[data-id="${nodeId}"] [data-run-state]`);
  }

  /** Opens a row to its inputs and outputs. */
  async expand(nodeId: string, within = this.trace) {
    const toggle = this.row(nodeId, within).getByRole("button", { expanded: false }).first();
    await toggle.click();
  }

  async rerunFrom(title: string, edits: Record<string, string>) {
    await this.region.getByRole("button", { name: `Re-run from ${title}` }).click();
    const dialog = this.page.getByRole("dialog", { name: `Re-run from ${title}` });
    await expect(dialog).toBeVisible();
    for (const [label, json] of Object.entries(edits)) await dialog.getByLabel(`${label} outputs`).fill(json);
    await dialog.getByRole("button", { name: "Run", exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
