// The lint gate (docs/decisions/034-lint-gate.md): Next.js's own rules (React, React Hooks with
// the React Compiler's checks, accessibility, typescript-eslint's recommended set), plus the
// rules that keep the layers of docs/architecture.md apart. `npm run lint`; `npm test` runs it.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const frameworks = [
  "next",
  "next/*",
  "react",
  "react/*",
  "react-dom",
  "react-dom/*",
  "next-intl",
  "next-intl/*",
  "use-intl",
  "use-intl/*",
  "next-auth",
  "next-auth/*",
];
const databaseDrivers = ["@prisma/*", "pg", "pg-boss"];

// Each zone: files under `target` may not import files under `from` (paths as resolved, so an
// alias, a relative path and an index file are all caught). Lower layers never reach up.
const zones = [
  {
    target: "./src/domain",
    from: ["./src/app", "./src/features", "./src/components", "./src/i18n"],
    message: "The domain layer holds rules and services; pages, features and components call it, never the reverse.",
  },
  {
    // The server core the domain builds on (db, authz, errors, jobs, throttle, photo storage,
    // password hashing) is fine; the request layer is not: a domain function gets an actor
    // and plain input, whoever calls it (a page, an action, a job, a script).
    target: "./src/domain",
    from: ["./src/server/auth", "./src/server/action.ts", "./src/server/route.ts", "./src/server/http"],
    except: ["./password.ts"],
    message: "The domain layer does not read requests, sessions or cookies: take the actor and input as arguments.",
  },
  {
    target: "./src/lib",
    from: ["./src/app", "./src/features", "./src/components", "./src/server", "./src/domain", "./src/i18n"],
    message: "src/lib holds small pure helpers (query strings, paging) that every layer may use; it uses none of them.",
  },
  {
    target: "./src/server",
    from: ["./src/app", "./src/features", "./src/components"],
    message: "The server core sits below pages, features and components.",
  },
  {
    target: "./src/features",
    from: "./src/app",
    message: "Features are what pages use; a feature never imports a route.",
  },
  {
    target: "./src/components",
    from: ["./src/app", "./src/features", "./src/server"],
    message: "Shared components are presentation only: pass them data, do not let them fetch it.",
  },
  {
    target: "./src/app",
    from: "./src/server/db",
    message: "Routes reach the database only through the server layer's functions (scoped queries, domain services).",
  },
  {
    target: "./src/app",
    from: "./src/generated/prisma",
    except: ["./enums.ts"],
    message: "Routes may use the generated enums, not the Prisma client.",
  },
  {
    target: ["./src", "./prisma", "./scripts"],
    from: "./tests",
    message: "Tests import the code, never the other way round.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { secret, ...rest } = row` is how a field is left out.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-unused-expressions": "error",
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones }],
    },
  },
  {
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: frameworks, message: "The domain layer is plain TypeScript: no Next.js, React or i18n here (a message is a key the caller renders)." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: databaseDrivers, message: "Routes reach the database only through the server layer's functions." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "src/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"]),
]);
