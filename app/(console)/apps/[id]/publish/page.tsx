// Publish: the app as an MCP server (switch, URL, client configuration, API keys).
import { PublishPage } from "@/components/publishing/publish-page";

export default async function AppPublishPage({ params }: PageProps<"/apps/[id]/publish">) {
  const { id } = await params;
  return <PublishPage appId={id} />;
}
