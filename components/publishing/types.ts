import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["publishedServers"];
export type ServerStatus = Outputs["get"];
export type ServerKey = Outputs["listKeys"][number];
export type CallLog = Outputs["listCalls"]["items"][number];
