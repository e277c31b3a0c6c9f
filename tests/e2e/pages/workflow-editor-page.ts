import { expect, type Locator, type Page } from "@playwright/test";
import { AppsPage } from "./apps-page";
import { newUser, SignUpPage } from "./auth-pages";

/** A new person (signed up as `label`) with a new workflow app named `name`, open on its canvas. */
export async function newWorkflow(page: Page, name: string, label = "flow") {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser(label));
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Workflow", name });
  return new WorkflowEditorPage(page);
}

/** The workflow canvas (workflow and chatflow apps): palette, nodes, the selected node's settings, undo/redo. */
export class WorkflowEditorPage {
  constructor(private readonly page: Page) {}

  get canvas() {
    return this.page.getByRole("region", { name: "Workflow canvas" });
  }

  /** A node on the canvas by its id (React Flow marks each node element with data-id). */
  node(id: string): Locator {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  problemBadge(id: string) {
    return this.node(id).getByTestId("problem-badge");
  }

  /** The settings of the selected node. */
  get panel() {
    return this.page.getByRole("region", { name: /settings$/ });
  }

  async add(type: string) {
    await this.page.getByRole("group", { name: "Add a node" }).getByRole("button", { name: `Add ${type}` }).click();
    await this.settled();
  }

  /**
   * Waits until the view stops moving. Adding a node fits the view again, 60 ms later and over 200 ms
   * (workflow-canvas.tsx); boxes read during that are read in different frames and do not line up.
   */
  async settled() {
    const viewport = this.canvas.locator(".react-flow__viewport");
    let last: string | null = null;
    const still = async () => {
      const now = await viewport.getAttribute("style");
      const same = now === last;
      last = now;
      return same;
    };
    await expect.poll(still, { intervals: [300, 150] }).toBe(true);
  }

  async select(id: string) {
    // The header, not the middle: an Iteration's middle is where its body nodes sit.
    await this.node(id).click({ position: { x: 40, y: 16 } });
    await expect(this.panel.getByText(id, { exact: true })).toBeVisible();
  }

  /** Connects the selected node to another from its settings (no pointer needed). */
  async connectTo(targetTitle: RegExp | string, branch?: "true" | "false") {
    if (branch) await this.panel.getByLabel("Branch").selectOption(branch);
    const select = this.panel.getByLabel("Connect to");
    const option = select.locator("option").filter({ hasText: targetTitle });
    await select.selectOption((await option.getAttribute("value"))!);
  }

  /** Drags from a node's output handle to another node's input handle, as a person connects them. */
  async dragConnect(sourceId: string, targetId: string) {
    const from = (await this.node(sourceId).locator(".react-flow__handle.source").first().boundingBox())!;
    const to = (await this.node(targetId).locator(".react-flow__handle.target").boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await this.page.mouse.up();
  }

  edge(source: string, target: string) {
    return this.canvas.locator(`.react-flow__edge[data-id="${source}->${target}"]`);
  }

  async undo() {
    await this.page.getByRole("button", { name: "Undo" }).click();
  }

  async redo() {
    await this.page.getByRole("button", { name: "Redo" }).click();
  }

  async expectSaved() {
    await expect(this.page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  }

  get noProblems() {
    return this.page.getByRole("status").filter({ hasText: "No problems" });
  }
}
