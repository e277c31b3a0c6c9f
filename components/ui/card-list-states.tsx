"use client";

// The body of a card that lists what a query returns: a skeleton while it loads, its error if it failed, `empty`
// when there is nothing, and otherwise the list that `children` makes of the rows.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { CardContent } from "./card";
import { Skeleton } from "./skeleton";

export function CardListStates<Row, Failure extends { message: string }>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<Row[], Failure>;
  empty: ReactNode;
  children(rows: Row[]): ReactNode;
}) {
  return (
    <CardContent className="p-0">
      {query.isPending ? (
        <div className="p-6">
          <Skeleton className="h-10" />
        </div>
      ) : query.isError ? (
        <p className="p-6 text-sm text-destructive">{query.error.message}</p>
      ) : query.data.length === 0 ? (
        empty
      ) : (
        children(query.data)
      )}
    </CardContent>
  );
}
