import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * axe-core finds no WCAG problems in the shop as it is on screen. axe looks into open shadow
 * roots; it is pointed at the shop (the host element and everything in its shadow root, dialogs
 * included), not at the demo merchant's own page around it.
 */
export async function expectNoViolations(page: Page, view: string) {
  const { violations } = await new AxeBuilder({ page }).include('[data-fanshop]').analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n')}`);
  expect(summary, `axe violations in ${view}`).toEqual([]);
}
