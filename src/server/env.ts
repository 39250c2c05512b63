import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  LINLI_DEMO: z.enum(["0", "1"]).default("0"),
});

let parsed: z.infer<typeof schema> | undefined;

function env() {
  if (!parsed) {
    const result = schema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    parsed = result.data;
  }
  return parsed;
}

export const databaseUrl = () => env().DATABASE_URL;
/** Demo mode shows the demo accounts on the sign-in page. Never set in production. */
export const isDemo = () => env().LINLI_DEMO === "1";
