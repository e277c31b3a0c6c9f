// Issue 29, Debug & Preview of a workflow: run the draft and watch each node's run, re-run from a node with an
// edited output of the node before it, and read the same trace in Logs.
import { expect, test } from "@playwright/test";
import { api } from "./published-app";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { LogsPage } from "./pages/logs-page";
import { expectNoHorizontalOverflow, phone, useTheme } from "./pages/phone-check";
import { WorkflowPreviewPage } from "./pages/workflow-preview-page";

const node = (id: string, type: string, x: number, data: Record<string, unknown> = {}, title = id) => ({ id, type, title, position: { x, y: 0 }, parentId: null, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, sourceHandle: null });

test("a workflow runs node by node in Debug & Preview, re-runs from a node with an edited input, and Logs show the same trace", async ({ page }) => {
  test.setTimeout(120_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("wfpreview"));
  await expect(page).toHaveURL(/\/apps$/);
  const app = await api<{ id: string }>(page, "apps.create", { type: "workflow", name: "Greeter" });
  await api(page, "apps.updateDraft", {
    id: app.id,
    draft: {
      variables: [{ key: "name", label: "Name", type: "text", required: true }],
      workflow: {
        nodes: [
          node("start", "start", 0, {}, "Start"),
          node("first", "template", 300, { template: "Hello {{start.name}}" }, "First"),
          node("second", "template", 600, { template: "{{first.text}}, welcome" }, "Second"),
          node("end", "end", 900, { outputs: [{ name: "greeting", type: "string", value: "second.text" }] }, "End"),
        ],
        edges: [edge("start", "first"), edge("first", "second"), edge("second", "end")],
        limits: {},
      },
    },
  });

  const preview = new WorkflowPreviewPage(page);
  await preview.open(app.id);
  await expect(preview.region.getByText("Fill the form and press Run")).toBeVisible();
  await preview.input("Name").fill("Ada");
  await preview.run();
  for (const id of ["start", "first", "second", "end"]) await expect(preview.row(id)).toHaveAttribute("data-status", "completed");
  await expect(preview.trace.getByTestId("run-outputs")).toContainText('"greeting": "Hello Ada, welcome"');
  // The canvas lights up each node as it ran.
  for (const id of ["start", "first", "second", "end"]) await expect(preview.canvasNode(id)).toHaveAttribute("data-run-state", "completed");
  await preview.expand("first");
  await expect(preview.row("first")).toContainText('"text": "Hello Ada"');
  await page.screenshot({ path: test.info().outputPath("workflow-run.png") });

  await preview.rerunFrom("Second", { First: '{ "text": "Hi there" }' });
  await expect(preview.trace.getByTestId("run-outputs")).toContainText('"greeting": "Hi there, welcome"');
  await expect(preview.row("second")).toHaveAttribute("data-status", "completed");
  await preview.expand("second");
  await expect(preview.row("second")).toContainText('"text": "Hi there, welcome"');

  const logs = new LogsPage(page);
  await logs.open(app.id);
  // Two conversations read "name: Ada"; the newest (the re-run) is first.
  await logs.entry("name: Ada").first().click();
  await expect(logs.messages).toBeVisible();
  const run = logs.messages.getByTestId("log-run");
  await run.getByText("Node runs").click();
  for (const id of ["start", "first", "second", "end"]) await expect(preview.row(id, run)).toHaveAttribute("data-status", "completed");
  await preview.expand("second", run);
  await expect(preview.row("second", run)).toContainText('"text": "Hi there, welcome"');
});

test("a chatflow answers in a chat at phone width in the dark, each turn's trace under its answer, rows opened from the keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(phone);
  await useTheme(page, "dark");
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("wfchat"));
  await expect(page).toHaveURL(/\/apps$/);
  const app = await api<{ id: string }>(page, "apps.create", { type: "chatflow", name: "Echo" });
  await api(page, "apps.updateDraft", {
    id: app.id,
    draft: {
      variables: [],
      workflow: {
        nodes: [node("start", "start", 0, {}, "Start"), node("answer", "answer", 300, { text: "You said {{start.query}}" }, "Answer")],
        edges: [edge("start", "answer")],
        limits: {},
      },
    },
  });
  const preview = new WorkflowPreviewPage(page);
  await preview.open(app.id);
  for (const text of ["one", "two"]) {
    await preview.region.getByRole("textbox", { name: "Message" }).fill(text);
    await preview.region.getByRole("textbox", { name: "Message" }).press("Enter");
    await expect(preview.region.getByTestId("chat-turn").last().locator('[data-role="assistant"]')).toHaveText(`You said ${text}`);
  }
  const last = preview.region.getByTestId("chat-turn").last();
  await expect(preview.row("answer", last)).toHaveAttribute("data-status", "completed");
  const toggle = preview.row("answer", last).getByRole("button", { expanded: false }).first();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(preview.row("answer", last)).toContainText('"text": "You said two"');
  await expectNoHorizontalOverflow(page, "a chatflow's Debug & Preview");
  await page.screenshot({ path: test.info().outputPath("chatflow-phone-dark.png") });
});
