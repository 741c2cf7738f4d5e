import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createDb, type Db } from '@/db/client';
import { E2E_STATE_FILE } from './paths';

/** WCAG 2.2 AA with axe on the page as it is now: zero violations allowed. */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // After a client-side navigation Next.js sets the new <title> a moment later: check the page once it has one.
  await page.waitForFunction(() => document.title.trim() !== '');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** `db` reaches the run's database for the few set-ups a browser cannot do (moving a code's expiry). */
export const test = base.extend<{ db: Db }>({
  db: async ({}, provide) => {
    const { databaseUrl } = JSON.parse(readFileSync(E2E_STATE_FILE, 'utf8')) as { databaseUrl: string };
    const db = createDb(databaseUrl, 2);
    await provide(db);
    await db.destroy();
  },
});
export { expect };
