// The authorization server's routes as `next start` serves them, for tests that send it Requests: each path to
// the route handler that answers it.
export async function authorizationServerFetch(request: Request): Promise<Response> {
  void request;
  throw new Error("authorizationServerFetch: to be wired to the routes once they land on main");
}
