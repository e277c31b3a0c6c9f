// New workspace form.
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";

export default function NewWorkspacePage() {
  return (
    <div className="py-8">
      <CreateWorkspaceForm />
    </div>
  );
}
