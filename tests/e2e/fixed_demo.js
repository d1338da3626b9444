// The demo on a fixed clock in Shanghai, as the drill-down and improvement suites read it:
// Friday 20 November 2026, noon local time, so "October" is a full month of demo records.
import { openContext, openApp } from './harness.js';

export const ZONE = 'Asia/Shanghai';
export const OFFSET_H = 8;
export const NOW = new Date('2026-11-20T04:00:00Z');
export const OCTOBER = [Date.UTC(2026, 9, 1) - OFFSET_H * 3600e3, Date.UTC(2026, 10, 1) - OFFSET_H * 3600e3];

/** A fresh context at `NOW` in `ZONE`, the demo loaded from the first-visit start. */
export async function demo(env, locale = 'en-US') {
  const opened = await openContext(env.browser, { locale, timezoneId: ZONE });
  await opened.page.clock.setFixedTime(NOW);
  await openApp(opened.page, env.server.base, '#/');
  await opened.page.tap('[data-testid="start-demo"]');
  await opened.page.waitForSelector('[data-page="processes"]');
  return opened;
}
