// App editor ("Orchestrate") with Debug & Preview.
import { AppEditor } from "@/components/app-editor/app-editor";

export default async function AppEditorPage({ params }: PageProps<"/apps/[id]">) {
  const { id } = await params;
  return <AppEditor appId={id} />;
}
