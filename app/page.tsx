// The root: straight into the console, or to sign-in.
import { redirect } from "next/navigation";
import { auth } from "@/server/auth/config";

export default async function Home() {
  redirect((await auth())?.user ? "/apps" : "/sign-in");
}
