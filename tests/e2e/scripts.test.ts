/**
 * A reader switches script in the real browser: 简体 case → 繁體 same case → another
 * page stays 繁體 → reload stays → the root remembers the choice; a first-time reader
 * whose browser prefers traditional lands on 繁體.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, useBrowser } from '../support/browser.ts';
import { siteUrl } from '../support/site.ts';

const browser = useBrowser();
const url = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), siteUrl()).href;

describe('script switch', () => {
	it('keeps the page and the choice across navigation, reload and the root redirect', async () => {
		const context = await browser.context({ locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(url('/'));
		await page.waitForURL(/\/zh-hans\/$/);

		await page.goto(url('/zh-hans/cases/changning-yangquan/'));
		expect(await page.locator('h1').textContent()).toContain('屋场党建');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'case-zh-hans.png'), fullPage: true });

		await page.locator('.script-switch').click();
		await page.waitForURL(/\/zh-hant\/cases\/changning-yangquan\/$/);
		expect(await page.locator('h1').textContent()).toContain('屋場黨建');
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
		expect(await page.locator('.prose').textContent()).toContain('鄰長');
		await page.screenshot({ path: path.join(SCREENSHOTS, 'case-zh-hant.png'), fullPage: true });

		await page.locator('.main-nav a', { hasText: '期刊' }).click();
		await page.waitForURL(/\/zh-hant\/issues\/$/);
		expect(await page.locator('h1').textContent()).toMatch(/^往期目錄 \d+期$/);

		await page.reload();
		expect(page.url()).toMatch(/\/zh-hant\/issues\/$/);
		expect(await page.locator('h1').textContent()).toMatch(/^往期目錄 \d+期$/);

		await page.goto(url('/'));
		await page.waitForURL(/\/zh-hant\/$/);
	});

	it('sends a first-time reader to the script the browser prefers', async () => {
		for (const [locale, expected] of [
			['zh-TW', /\/zh-hant\/$/],
			['zh-CN', /\/zh-hans\/$/],
			['zh-HK', /\/zh-hant\/$/],
		] as const) {
			const context = await browser.context({ locale });
			const page = await context.newPage();
			await page.goto(url('/'));
			await page.waitForURL(expected);
		}
	});
});
