// The signed-in console: shell (sidebar, workspace switcher, account menu) around every page.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { TrpcProvider } from "@/components/trpc/trpc-provider";
import { auth } from "@/server/auth/config";
import { getConsoleSession, workspaceCookie } from "@/server/workspaces/console-session";
import { signOutAction } from "../(auth)/actions";
import { goToNewWorkspaceAction, switchWorkspaceAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const userId = (await auth())?.user?.id;
  if (!userId) redirect("/sign-in");
  const selected = (await cookies()).get(workspaceCookie)?.value;
  const session = await getConsoleSession({ userId, selectedWorkspaceId: selected });
  if (!session) redirect("/sign-in");

  return (
    <TrpcProvider key={session.current?.id ?? "none"} workspaceId={session.current?.id ?? null}>
      <ConsoleShell
        user={session.user}
        workspaces={session.workspaces}
        currentWorkspaceId={session.current?.id ?? ""}
        onSwitchWorkspace={switchWorkspaceAction}
        onCreateWorkspace={goToNewWorkspaceAction}
        signOutAction={signOutAction}
      >
        {session.current ? children : <CreateWorkspaceForm title="You are not in any workspace yet" />}
      </ConsoleShell>
    </TrpcProvider>
  );
}
