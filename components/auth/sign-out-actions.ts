"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/better-auth";

/** Ends this session in the store (not only the cookie), then shows the sign-in page. */
export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() }).catch(() => undefined);
  redirect("/sign-in");
}
