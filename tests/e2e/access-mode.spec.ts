// Issue 25, the console's side: an owner chooses "Switchyard sign-in" for one chosen teammate, sees the connect
// instructions say what sign-in means for each client, the (empty) connected clients, and opens the server up again
// only after confirming. A member never sees the URL; the account page lists the person's connected apps.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { PublishPage } from "./pages/publish-page";
import { api, chatApp, query } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

/** A teammate who joins the owner's workspace through an invite link, in a browser of their own. */
async function teammateJoins(page: Page, browser: Browser) {
  const invite = await api<{ url: string }>(page, "invites.create", { role: "member" });
  const context = await browser.newContext();
  const teammatePage = await context.newPage();
  const teammate = newUser("teammate");
  await teammatePage.goto(invite.url);
  await teammatePage.getByRole("link", { name: "Create an account to join" }).click();
  await new SignUpPage(teammatePage).signUp(teammate);
  await teammatePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(teammatePage).toHaveURL(/\/apps$/);
  return { teammate, teammatePage, close: () => context.close() };
}

test("an owner lets only a chosen teammate sign in, reads the connect instructions for sign-in, and opens the server up again after confirming", async ({ page, browser }) => {
  const app = await chatApp(page, llm, "Door Planner");
  await api(page, "apps.publish", { id: app.id });
  const publish = new PublishPage(page);
  await publish.open(app.id);
  await publish.turnOn({ description: "Plans a trip.", parameters: { "City (city)": "The city." } });
  await expect(publish.access.getByRole("radio", { name: "Anyone with the URL" })).toBeChecked();
  const { teammate, teammatePage, close } = await teammateJoins(page, browser);

  // A member of the workspace sees neither the URL nor the access settings.
  await teammatePage.goto(`/apps/${app.id}/publish`);
  await expect(teammatePage.getByText("Publishing is managed by editors")).toBeVisible();
  await expect(teammatePage.getByRole("radiogroup", { name: "Access" })).toHaveCount(0);
  await close();

  await page.reload();
  await publish.chooseAccess("Switchyard sign-in", { people: [teammate.name] });
  const members = page.getByRole("list", { name: "Workspace members" });
  await expect(members.getByRole("checkbox", { name: teammate.name })).toBeChecked();
  await expect(page.getByText("1 of 2 members may sign in.")).toBeVisible();
  const { access } = await query<{ access: { mode: string; restricted: boolean; people: { email: string }[] } }>(page, "publishedServers.get", { appId: app.id });
  expect(access).toMatchObject({ mode: "sign_in", restricted: true, people: [{ email: teammate.email }] });

  // Sign-in mode: connected clients (none yet), no keys card, and instructions for sign-in.
  await expect(page.getByRole("heading", { name: "Connected clients" })).toBeVisible();
  await expect(page.getByText("No client connected yet")).toBeVisible();
  await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
  const url = await publish.url();
  // The e2e server's APP_URL is http://localhost: Claude's and ChatGPT's cloud cannot reach it, and the tabs say so.
  expect(await publish.accessNote("Claude")).toContain("public https");
  expect(await publish.snippet("Claude")).toBe(url);
  expect(await publish.accessNote("Claude Code")).toContain("sign-in page");
  expect(await publish.snippet("Claude Code")).toBe(`claude mcp add --transport http door_planner ${url}`);
  await expect(page.getByText("Then run /mcp in Claude Code and choose Authenticate.")).toBeVisible();
  await publish.showClientConfig("ChatGPT");
  await expect(page.getByText("Authentication: choose OAuth.")).toBeVisible();
  await publish.showClientConfig("Cursor");
  const cursorLink = await page.getByRole("link", { name: "Add to Cursor" }).getAttribute("href");
  const config = new URL(cursorLink!).searchParams.get("config")!;
  expect(JSON.parse(Buffer.from(config, "base64").toString("utf8"))).toEqual({ url });
  expect(await publish.snippet("mcp-remote (stdio)")).not.toContain("Authorization");

  // Opening up is confirmed first; cancelling keeps sign-in.
  await publish.selectAccess("Anyone with the URL");
  await page.getByRole("button", { name: "Save access" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Let anyone with the URL in?" });
  await expect(confirm).toContainText("anyone who has the link can call the app");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect((await query<{ access: { mode: string } }>(page, "publishedServers.get", { appId: app.id })).access.mode).toBe("sign_in");
  await publish.chooseAccess("Anyone with the URL");
  await expect(page.getByRole("heading", { name: "Connected clients" })).toHaveCount(0);
  expect(await publish.accessNote("Claude Code")).toContain("anyone with this URL");

  // The person's own connected apps: none yet.
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Connected apps" })).toBeVisible();
  await expect(page.getByText("No connected apps")).toBeVisible();
});
