// App versions: every published version, its diff against the draft, restore and rollback.
import { VersionsPage } from "@/components/app-versions/versions-page";

export default async function AppVersionsPage({ params }: PageProps<"/apps/[id]/versions">) {
  const { id } = await params;
  return <VersionsPage appId={id} />;
}
