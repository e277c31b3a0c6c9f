// App editor ("Orchestrate") with Debug & Preview; workflow and chatflow apps open the workflow canvas.
import { AppEditorOrCanvas } from "@/components/workflow-editor/app-editor-or-canvas";

export default async function AppEditorPage({ params }: PageProps<"/apps/[id]">) {
  const { id } = await params;
  return <AppEditorOrCanvas appId={id} />;
}
