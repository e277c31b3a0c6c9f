// The workflow canvas (issue 29): a person builds Start -> Template -> End, wires a reference, fixes the problems
// the checker shows, undoes and redoes, finds the graph autosaved after a reload, and deletes a node.
import { expect, test } from "@playwright/test";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { newWorkflow, WorkflowEditorPage } from "./pages/workflow-editor-page";

test("a person builds Start -> Template -> End with a reference, sees the problems go, undoes, reloads and deletes", async ({ page }) => {
  test.setTimeout(120_000);
  const flow = await newWorkflow(page, "Greeting Flow");
  await expect(flow.node("start")).toBeVisible();
  await expect(flow.node("end")).toBeVisible();
  // An End without outputs is the one problem of a new workflow.
  await expect(flow.problemBadge("end")).toHaveText("1");

  // Start's settings are the app's input form: the field becomes start.name.
  await flow.select("start");
  await new AppEditorPage(page).addInputField({ label: "Name", key: "name" });

  await flow.add("Template");
  await expect(flow.node("template_1")).toBeVisible();
  await expect(flow.panel.getByText("Nothing leads here from Start")).toBeVisible();
  await expect(flow.problemBadge("template_1")).toHaveText("1");

  // Start -> Template from the keyboard-usable settings, Template -> End by dragging handles, then cut Start -> End.
  await flow.select("start");
  await flow.connectTo("template_1");
  await expect(flow.edge("start", "template_1")).toBeVisible();
  await flow.dragConnect("template_1", "end");
  await expect(flow.edge("template_1", "end")).toBeVisible();
  await flow.panel.getByRole("button", { name: "Disconnect from End" }).click();
  await expect(flow.edge("start", "end")).toHaveCount(0);

  await flow.select("template_1");
  await flow.panel.getByLabel("Template", { exact: true }).fill("Hello ");
  await flow.panel.getByLabel("Insert a reference into Template").selectOption("start.name");
  await expect(flow.panel.getByLabel("Template", { exact: true })).toHaveValue("Hello {{start.name}}");
  await expect(flow.problemBadge("template_1")).toHaveCount(0);

  await flow.select("end");
  await expect(flow.panel.getByText("Add an output: it is what the workflow returns.")).toBeVisible();
  await flow.panel.getByRole("button", { name: "Add output" }).click();
  await flow.panel.getByLabel("Output 1 name").fill("greeting");
  // An output without a value is a problem on its row until it names one.
  await expect(flow.problemBadge("end")).toHaveText("1");
  await page.waitForTimeout(1100); // the next edit is its own undo step
  await flow.panel.getByLabel("Output 1 value").selectOption("template_1.text");
  await expect(flow.problemBadge("end")).toHaveCount(0);
  await expect(flow.noProblems).toBeVisible();

  await flow.undo();
  await expect(flow.panel.getByLabel("Output 1 value")).toHaveValue("");
  await expect(flow.problemBadge("end")).toHaveText("1");
  await flow.redo();
  await expect(flow.panel.getByLabel("Output 1 value")).toHaveValue("template_1.text");
  await expect(flow.noProblems).toBeVisible();

  await flow.expectSaved();
  await page.reload();
  await expect(flow.edge("start", "template_1")).toBeVisible();
  await expect(flow.edge("template_1", "end")).toBeVisible();
  await expect(flow.noProblems).toBeVisible();
  await flow.select("template_1");
  await expect(flow.panel.getByLabel("Template", { exact: true })).toHaveValue("Hello {{start.name}}");

  // Delete with the key, undo it, then with the panel's button.
  await flow.node("template_1").focus();
  await page.keyboard.press("Delete");
  await expect(flow.node("template_1")).toHaveCount(0);
  await expect(flow.problemBadge("end")).not.toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(flow.node("template_1")).toBeVisible();
  await expect(flow.noProblems).toBeVisible();
  await flow.select("template_1");
  await flow.panel.getByRole("button", { name: "Delete node" }).click();
  await expect(flow.node("template_1")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(flow.node("template_1")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(flow.node("template_1")).toBeVisible();
});

test("If/Else connects from its true and false sides, and an Iteration holds the steps added while it is selected", async ({ page }) => {
  const flow = await newWorkflow(page, "Branching Flow");
  await flow.add("If/Else");
  await flow.connectTo("end", "false");
  await expect(flow.canvas.locator('.react-flow__edge[data-id="if_else_1:false->end"]')).toBeVisible();
  // A drag moves the node, and one undo puts it back.
  const before = (await flow.node("if_else_1").boundingBox())!;
  const startOffset = Math.round(before.x - (await flow.node("start").boundingBox())!.x);
  await page.mouse.move(before.x + 60, before.y + 16);
  await page.mouse.down();
  await page.mouse.move(before.x + 160, before.y + 76, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await flow.node("if_else_1").boundingBox())!.x).toBeGreaterThan(before.x + 50);
  await flow.undo();
  // Measured from Start: a drag near the canvas's edge pans the view, which moves every node on the screen alike.
  const fromStart = async () => Math.round((await flow.node("if_else_1").boundingBox())!.x - (await flow.node("start").boundingBox())!.x);
  await expect.poll(fromStart).toBe(startOffset);
  await expect(flow.canvas.locator('.react-flow__edge[data-id="if_else_1:false->end"]')).toBeVisible();
  await flow.add("Iteration");
  await flow.add("Code");
  await expect(flow.node("code_1")).toBeVisible();
  // The body node sits inside the Iteration's box.
  const outer = (await flow.node("iteration_1").boundingBox())!;
  const inner = (await flow.node("code_1").boundingBox())!;
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height);
  await flow.select("iteration_1");
  await expect(flow.panel.getByLabel("Output per item")).toBeVisible();
});

test("the workflow editor fits a phone, with the settings below the canvas", async ({ page }) => {
  const flow = await newWorkflow(page, "Phone Flow");
  await page.setViewportSize(phone);
  await page.reload();
  await expect(flow.node("end")).toBeVisible();
  await flow.select("end");
  const canvas = (await flow.canvas.boundingBox())!;
  const panel = (await flow.panel.boundingBox())!;
  expect(panel.y).toBeGreaterThan(canvas.y + canvas.height - 1);
  await expectNoHorizontalOverflow(page, "workflow editor");
});

test("a chatflow answers with an Answer node, and the problems list leads to the node with the problem", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("chatflow"));
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Chatflow", name: "Support Chat" });
  const flow = new WorkflowEditorPage(page);
  await expect(flow.node("answer")).toBeVisible();
  const palette = page.getByRole("group", { name: "Add a node" });
  await expect(palette.getByRole("button", { name: "Add Answer" })).toBeVisible();
  await expect(palette.getByRole("button", { name: "Add End" })).toHaveCount(0);

  // An empty Answer is the problem; choosing it in the list opens the Answer's settings.
  await page.getByRole("button", { name: "1 problem" }).click();
  await page.getByRole("menuitem", { name: /Answer/ }).click();
  await expect(flow.panel.getByText("answer", { exact: true })).toBeVisible();
  // A chatflow's Start also gives the person's message.
  await flow.panel.getByLabel("Insert a reference into Answer text").selectOption("start.query");
  await expect(flow.noProblems).toBeVisible();
  await expect(flow.problemBadge("answer")).toHaveCount(0);
});
