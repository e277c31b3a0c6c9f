// The consent page when there is nothing to approve: a person who may not use the server, or a stale link.
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConsentView } from "@/server/authorization-server/consent";

type Problem = Extract<ConsentView, { kind: "refused" | "expired" }>;

type Refused = Extract<Problem, { kind: "refused" }>;

/** The refusal in words; `owner` is who decides about this server (an app's owner, or the workspace's admins). */
const reasons: Record<Refused["reason"], (owner: string) => string> = {
  not_member: () => "isn't a member of the workspace this server belongs to. Ask one of its owners to invite you, or sign in with the account you use there.",
  not_chosen: (owner) => `isn't one of the people this server is shared with. Ask ${owner} to add you.`,
  other_workspace: () => "can't use this app here: it was registered for another workspace.",
  not_sign_in: (owner) => `can't sign in to this server: it no longer uses Switchyard sign-in, or it was turned off. Ask ${owner} for its current URL.`,
};

const ownerOf = (view: Refused) => (view.server?.kind === "workspace" ? "an admin of the workspace" : "the app's owner");

export function ConsentProblem({ view, deny }: { view: Problem; deny: () => Promise<void> }) {
  if (view.kind === "expired") {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1" className="text-lg">
            This sign-in link has expired
          </CardTitle>
          <CardDescription>Sign-in links last ten minutes and work only in the browser that opened them. Go back to the app and connect again.</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-lg">
          You can&apos;t connect to this server
        </CardTitle>
        <CardDescription>
          <strong className="text-foreground">{view.userEmail}</strong> {reasons[view.reason](ownerOf(view))}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-2 sm:flex-row sm:justify-end">
        <form action={deny}>
          <Button type="submit" variant="outline" className="w-full sm:w-auto">
            Return to the app
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
