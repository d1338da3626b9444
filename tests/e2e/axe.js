// axe-core (WCAG 2.1 A and AA rules) run on a page as it is, through `page.evaluate` (a CDP
// call, outside the page's CSP): its critical and serious violations, one line each.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is; returns its critical and serious violations, one line each. */
export async function audit(page, state) {
  // Let charts and late effects settle before judging the page.
  await page.waitForTimeout(250);
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }))), TAGS);
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${state}: ${v.impact} ${v.id} at ${v.nodes.join(' | ')}`);
}
