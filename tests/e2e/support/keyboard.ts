import type { Locator, Page } from '@playwright/test';

/**
 * Moves the focus with Tab (Shift+Tab when `back`) until `target` has it, as a keyboard user would;
 * fails when it is not reachable within `max` presses. No click, no script focus.
 */
export async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable by keyboard within ${max} presses: ${target}`);
}

/** Tab to a field, then type into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}
