// One card for the lists of grants (clients a person let reach a published server): the MCP Server tab's connected
// clients and the account's connected apps differ only in their words and in what each row shows.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { PlugZap } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CardListStates } from "@/components/ui/card-list-states";

interface GrantListCardProps<T> {
  title: string;
  description: string;
  empty: { title: string; text: string };
  grants: UseQueryResult<T[], { message: string }>;
  /** The row's text; the row itself, its key and layout are the card's. */
  row: (grant: T) => ReactNode;
}

export function GrantListCard<T extends { grantId: string }>({ title, description, empty, grants, row }: GrantListCardProps<T>) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardListStates
        query={grants}
        empty={
          <div className="flex flex-col items-center gap-2 border-t px-6 py-8 text-center">
            <PlugZap aria-hidden className="size-5 text-muted-foreground" />
            <p className="text-sm font-medium">{empty.title}</p>
            <p className="max-w-sm text-[13px] text-muted-foreground">{empty.text}</p>
          </div>
        }
      >
        {(rows) => (
          <ul className="divide-y border-t" aria-label={title}>
            {rows.map((grant) => (
              <li key={grant.grantId} className="flex flex-wrap items-center gap-3 px-6 py-3">
                {row(grant)}
              </li>
            ))}
          </ul>
        )}
      </CardListStates>
    </Card>
  );
}
