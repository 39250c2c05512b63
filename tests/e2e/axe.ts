// axe-core in the page under test, loaded once per document. Parsing axe's 560 KB script costs
// two to four times as long as one check of a page (measured on a 2-core machine: 300–500 ms
// against 100–270 ms), and @axe-core/playwright parses it again for every check and opens a
// second page to finish each one; the pages here have no frames, so the plain `axe.run` in the
// page answers the same rules (docs/decisions/029-suite-on-a-slow-machine.md).
import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
type AxeInPage = { run(context: unknown, options: unknown): Promise<AxeResult> };

/** The violations of the page (or of the part `include` selects), one line per rule. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: AxeInPage }).axe;
      const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    },
    { include, tags: wcagTags },
  );
}

/** No violation on the page; it waits for the <title>, which Next.js streams with the metadata. */
export async function expectNoViolations(page: Page, label: string, options: { soft?: boolean } = {}) {
  await expect(page).toHaveTitle(/\S/);
  const found = await axeViolations(page);
  if (options.soft) expect.soft(found, label).toEqual([]);
  else expect(found, label).toEqual([]);
}
