// The static checks `npm test` runs beside the tests (docs/decisions/034-lint-gate.md): the
// package.json scripts named by the caller, all at once and at a lower priority, so that they
// take the cores the database preparation and the tests leave idle. Each one's output goes to
// test-results/<script>.log, to be shown when it fails.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type CheckResult = { script: string; ok: boolean; seconds: number; log: string };

type Track = (child: ChildProcess) => ChildProcess;

function runScript(root: string, script: string, command: string, env: NodeJS.ProcessEnv, logDir: string, track: Track): Promise<CheckResult> {
  const log = path.join(logDir, `${script.replace(/[^\w-]/g, "-")}.log`);
  const out = fs.openSync(log, "w");
  const started = Date.now();
  const bin = path.join(root, "node_modules", ".bin");
  const child = track(
    spawn("nice", ["-n", "10", "sh", "-c", command], {
      cwd: root,
      stdio: ["ignore", out, out],
      env: { ...env, PATH: `${bin}${path.delimiter}${env.PATH ?? ""}` },
    }),
  );
  return new Promise((resolve) => {
    let ended = false;
    const done = (ok: boolean) => {
      if (ended) return;
      ended = true;
      fs.closeSync(out);
      resolve({ script, ok, seconds: Math.round((Date.now() - started) / 1000), log });
    };
    child.on("error", (error) => {
      fs.appendFileSync(log, `${error.message}\n`);
      done(false);
    });
    child.on("exit", (code) => done(code === 0));
  });
}

/** Starts every named package.json script at once (each handed to `track`, which stops it with the run); resolves when all have ended. */
export function startChecks(root: string, scripts: string[], env: NodeJS.ProcessEnv, logDir: string, track: Track): Promise<CheckResult[]> {
  const defined = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return Promise.all(
    scripts.map((script) => {
      const command = defined[script];
      if (!command) throw new Error(`package.json has no script "${script}"`);
      return runScript(root, script, command, env, logDir, track);
    }),
  );
}
