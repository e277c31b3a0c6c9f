// Workflow problems (issue 29): a loop marks the nodes on it and stops Publish until it is cut, a reference of the
// wrong type shows on the field that reads it, and the run limits keep only values in range.
import { expect, test } from "@playwright/test";
import { AppEditorPage } from "./pages/app-editor-page";
import { newWorkflow } from "./pages/workflow-editor-page";

test("a loop marks both nodes on it and stops Publish; cutting the back edge clears it and Publish succeeds", async ({ page }) => {
  test.setTimeout(120_000);
  const flow = await newWorkflow(page, "Loop Flow", "problems");
  await flow.add("Template");
  await flow.add("Template");
  await expect(flow.node("template_2")).toBeVisible();

  // Start -> t1 -> t2 -> End, with End returning t2's text.
  await flow.select("start");
  await flow.connectTo("template_1");
  await flow.panel.getByRole("button", { name: "Disconnect from End" }).click();
  await flow.select("template_1");
  await flow.panel.getByLabel("Template", { exact: true }).fill("Hello");
  await flow.connectTo("template_2");
  await flow.select("template_2");
  await flow.panel.getByLabel("Template", { exact: true }).fill("Again");
  await flow.connectTo("end");
  await flow.select("end");
  await flow.panel.getByRole("button", { name: "Add output" }).click();
  await flow.panel.getByLabel("Output 1 value").selectOption("template_2.text");
  await expect(flow.noProblems).toBeVisible();

  // The back edge t2 -> t1 makes a loop.
  await flow.select("template_2");
  await flow.connectTo("template_1");
  await expect(flow.edge("template_2", "template_1")).toBeVisible();
  await expect(flow.problemBadge("template_1")).toBeVisible();
  await expect(flow.problemBadge("template_2")).toBeVisible();
  await expect(flow.panel.getByText(/This node is on a loop/)).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText(/^Fix the workflow before publishing/)).toBeVisible();
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await expect(page.getByText("Published v1")).toHaveCount(0);

  await flow.panel.getByRole("button", { name: "Disconnect from Template" }).click();
  await expect(flow.edge("template_2", "template_1")).toHaveCount(0);
  await expect(flow.problemBadge("template_1")).toHaveCount(0);
  await expect(flow.problemBadge("template_2")).toHaveCount(0);
  await expect(flow.noProblems).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Version 1 is published.")).toBeVisible();
  await expect(page.getByText("Published v1")).toBeVisible();
});

test("an End output of type number reading a text field shows the type problem on that output, and string fixes it", async ({ page }) => {
  const flow = await newWorkflow(page, "Typed Flow", "problems");
  await flow.select("start");
  await new AppEditorPage(page).addInputField({ label: "Name", key: "name" });
  await flow.select("end");
  await flow.panel.getByRole("button", { name: "Add output" }).click();
  const output = flow.panel.getByRole("group", { name: "Output 1" });
  await output.getByLabel("Output 1 type").selectOption("number");
  await output.getByLabel("Output 1 value").selectOption("start.name");
  await expect(output.getByText("{{start.name}} is a string, and this field needs a number.")).toBeVisible();
  await expect(flow.problemBadge("end")).toHaveText("1");

  await output.getByLabel("Output 1 type").selectOption("string");
  await expect(output.getByText(/this field needs a/)).toHaveCount(0);
  await expect(flow.problemBadge("end")).toHaveCount(0);
  await expect(flow.noProblems).toBeVisible();
});

test("the run limits keep a value in range after a reload, and an out-of-range value is explained and not saved", async ({ page }) => {
  const flow = await newWorkflow(page, "Limited Flow", "problems");
  const limits = page.getByRole("region", { name: "Run limits" });
  const seconds = limits.getByLabel("Max run seconds");
  await expect(seconds).toHaveValue("600");
  await expect(limits.getByText("A run that takes longer is stopped and fails.")).toBeVisible();
  await seconds.fill("120");
  // A limit is a graph edit like any other: it undoes and redoes.
  await flow.undo();
  await expect(seconds).toHaveValue("600");
  await flow.redo();
  await expect(seconds).toHaveValue("120");
  await flow.expectSaved();
  await page.reload();
  await expect(seconds).toHaveValue("120");

  await seconds.fill("5000");
  await expect(limits.getByText("Enter a whole number from 1 to 3,600.")).toBeVisible();
  await expect(seconds).toHaveAttribute("aria-invalid", "true");
  await limits.getByLabel("Max node runs").fill("0");
  await expect(limits.getByText("Enter a whole number from 1 to 10,000.")).toBeVisible();
  // Nothing changed in the graph, so nothing is saved: the draft still holds 120 and 500.
  await page.waitForTimeout(1500);
  await expect(page.getByRole("status").filter({ hasText: /^Sav/ })).toHaveCount(0);
  await page.reload();
  await expect(seconds).toHaveValue("120");
  await expect(limits.getByLabel("Max node runs")).toHaveValue("500");
});
