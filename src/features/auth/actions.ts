"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/server/auth/config";
import { signInFormSchema, type SignInState } from "./schemas";

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInFormSchema.safeParse({ phone: form.get("phone"), password: form.get("password") });
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "phone" | "password";
      fieldErrors[field] ??= issue.message as "phoneFormat" | "passwordRequired";
    }
    return { phone: String(form.get("phone") ?? "").slice(0, 20), fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
  } catch (error) {
    // A successful sign-in ends in a redirect, which Next.js throws: let it through.
    if (error instanceof CredentialsSignin) {
      return { phone: parsed.data.phone, error: error.code === "throttled" ? "throttled" : "invalid" };
    }
    if (error instanceof AuthError) return { phone: parsed.data.phone, error: "failed" };
    throw error;
  }
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
