import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");
const production = process.env.NODE_ENV === "production" && process.env.LINLI_INSECURE_COOKIES !== "1";

// Next.js injects inline bootstrap scripts, so scripts allow 'unsafe-inline' from our own
// origin only; everything else is locked to 'self' (docs/decisions/007-security-headers.md).
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

const nextConfig: NextConfig = {
  // `npm test` builds into its own folder so that it never disturbs a running `npm start`.
  distDir: process.env.LINLI_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project in a step of its own (`npm run typecheck`) and
  // builds with LINLI_BUILD_TYPECHECK=0 so as not to do it twice; every other build checks.
  typescript: { ignoreBuildErrors: process.env.LINLI_BUILD_TYPECHECK === "0" },
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "pg-boss"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Next.js serves its global error page at this address too, with a 500: anyone could make
  // the server report errors at will. Asked for by name, it is simply not a page.
  async rewrites() {
    return { beforeFiles: [{ source: "/_global-error", destination: "/_not-found" }], afterFiles: [], fallback: [] };
  },
};

export default withNextIntl(nextConfig);
