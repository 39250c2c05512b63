import { chromium } from "@playwright/test";
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const ctx = await b.newContext({ viewport: { width: 360, height: 740 }, baseURL: "http://localhost:3000", locale: "zh-CN" }); const page = await ctx.newPage();
await page.goto("/login");
await page.getByLabel("手机号").fill(process.argv[2]);
await page.getByLabel("密码").fill("Linli@2026");
await page.getByRole("button", { name: "登录" }).click();
await page.waitForURL(/resident|grid|staff|branch|admin/);
for (const url of process.argv.slice(3)) {
  let t=Date.now(); await page.goto(url); const g=Date.now()-t;
  t=Date.now(); await page.evaluate(axeSource); const inj=Date.now()-t;
  const runs=[];
  for (let i=0;i<3;i++){ t=Date.now(); const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then(r=>r.violations.length)); runs.push(Date.now()-t); }
  t=Date.now(); await page.evaluate(() => window.axe.run("main", { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }).then(r=>r.violations.length)); const m=Date.now()-t;
  console.log(url, "goto", g, "inject", inj, "runs", runs, "main", m);
}
await b.close();
