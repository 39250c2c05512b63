"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { isFormInput } from "@/server/action";
import { signIn, signOut } from "@/server/auth/config";
import { signInFormSchema, type SignInState } from "./schemas";

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  // Nothing a sign-in form sends: answered like wrong credentials, and not counted as an attempt.
  if (!isFormInput(form)) return { error: "invalid" };
  // Text, also when a direct POST leaves a field out, so that the schema's own messages apply.
  const parsed = signInFormSchema.safeParse({ phone: String(form.get("phone") ?? ""), password: String(form.get("password") ?? "") });
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
