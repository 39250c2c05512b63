import { z } from "zod";
import { compileTrust } from "@/server/http/peer";

const proxies = z
  .string()
  .default("")
  .refine((value) => {
    try {
      compileTrust(value);
      return true;
    } catch {
      return false;
    }
  }, "LINLI_TRUSTED_PROXIES must list IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), separated by commas");

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  LINLI_DEMO: z.enum(["0", "1"]).default("0"),
  LINLI_TRUSTED_PROXIES: proxies,
  LINLI_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  LINLI_HOUSEKEEPING: z.enum(["0", "1"]).default("1"),
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
/** The reverse proxies whose X-Forwarded-For is believed (docs/operations.md). */
export const trustedProxies = () => env().LINLI_TRUSTED_PROXIES;
/** How long a stop waits for the requests under way (scripts/serve.ts). */
export const shutdownGraceSeconds = () => env().LINLI_SHUTDOWN_GRACE_SECONDS;
/**
 * Whether this server runs the job queue's scheduled writers (housekeeping, the outbox sweep,
 * the modules' recurring jobs). Off for servers whose database must not change under a test.
 */
export const scheduledJobsEnabled = () => env().LINLI_HOUSEKEEPING === "1";
