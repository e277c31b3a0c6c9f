// Apps: the workspace's AI apps.
import type { Metadata } from "next";
import { AppsList } from "@/components/apps/apps-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Apps · Switchyard" };

export default function AppsPage() {
  return (
    <>
      <PageHeader title="Apps" description="Chat, agent and text-generator apps built by your team." />
      <AppsList />
    </>
  );
}
