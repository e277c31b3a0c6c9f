import Link from "next/link";

/** Tools has one kind of provider today, MCP; the tab row leaves room for more. */
export function ToolsNav() {
  return (
    <nav aria-label="Tools" className="-mx-1 mb-6 flex gap-1 overflow-x-auto border-b">
      <Link
        href="/tools"
        aria-current="page"
        className="-mb-px flex h-10 items-center whitespace-nowrap border-b-2 border-primary px-3 text-sm font-medium text-foreground"
      >
        MCP
      </Link>
    </nav>
  );
}
