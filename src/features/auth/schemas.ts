import { z } from "zod";

// Messages are keys of the "login" namespace, translated by the form.
export const signInFormSchema = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, "phoneFormat"),
  password: z.string().min(1, "passwordRequired").max(200, "passwordRequired"),
});

export type SignInState = {
  phone?: string;
  error?: "invalid" | "throttled" | "failed";
  fieldErrors?: Partial<Record<"phone" | "password", "phoneFormat" | "passwordRequired">>;
};
