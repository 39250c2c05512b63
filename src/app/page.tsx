import { redirect } from "next/navigation";
import { homePath } from "@/features/workspaces/workspaces";
import { currentActor } from "@/server/auth/session";

export default async function Home() {
  const actor = await currentActor();
  redirect(actor ? homePath(actor) : "/login");
}
