"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { AppIcon } from "@/components/apps/app-icon";
import { appTypeInfo, type AppTypeName } from "@/components/apps/app-types";
import { cn } from "@/components/ui/cn";

interface AppHeaderProps {
  app: { id: string; name: string; icon: string; iconBackground: string; type: AppTypeName };
  actions?: ReactNode;
}

export function AppHeader({ app, actions }: AppHeaderProps) {
  const pathname = usePathname();
  const tabs = [
    { href: `/apps/${app.id}`, label: "Orchestrate" },
    { href: `/apps/${app.id}/logs`, label: "Logs" },
    { href: `/apps/${app.id}/publish`, label: "MCP Server" },
    { href: `/apps/${app.id}/versions`, label: "Versions" },
  ];
  return (
    <div className="mb-6 grid grid-cols-1 gap-4">
      <Link href="/apps" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> Apps
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <AppIcon icon={app.icon} background={app.iconBackground} />
        <div className="min-w-0 flex-1 basis-48">
          <h1 className="truncate text-xl font-semibold tracking-tight">{app.name}</h1>
          <p className="text-sm text-muted-foreground">{appTypeInfo[app.type].label}</p>
        </div>
        {actions}
      </div>
      <nav aria-label="App" className="flex gap-1 overflow-x-auto border-b">
        {tabs.map((tab) => (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={pathname === tab.href ? "page" : undefined}
            className={cn(
              "-mb-px flex h-10 shrink-0 items-center whitespace-nowrap border-b-2 px-3 text-sm font-medium",
              pathname === tab.href ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
