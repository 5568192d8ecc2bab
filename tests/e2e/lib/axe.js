// Runs axe-core (from npm) on the widget: its host element, shadow root and dialog included.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

/** The axe violations inside the widget, as "rule: target" lines. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: AXE });
  }
  const results = await page.evaluate(() =>
    window.axe.run({ include: [["feedback-widget"]] }, { resultTypes: ["violations"] }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary}`),
  );
}
