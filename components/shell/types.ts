// Shapes the console shell receives from the layout. Kept serialisable:
// the layout is a server component and passes these across to the client.

export type ShellUser = { name: string | null; email: string };

export type WorkspaceRole = "owner" | "admin" | "editor" | "member";

export type ShellWorkspace = { id: string; name: string; role: WorkspaceRole };

/** Callbacks may be server actions ("use server") when passed from a server layout. */
export type SwitchWorkspaceAction = (workspaceId: string) => void | Promise<void>;
export type CreateWorkspaceAction = () => void | Promise<void>;
export type SignOutAction = (formData: FormData) => void | Promise<void>;
