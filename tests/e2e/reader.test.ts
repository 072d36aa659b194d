/**
 * Reader features in Chromium, at a phone's size (375×812) and a desktop's (1366×900), in
 * the standard and the 大字 mode: the compare selection survives navigation and reload,
 * the 大字 toggle persists and applies before the first paint, the 简/繁 switch keeps the
 * search query, the header holds at 200% text, the first search result is on a phone's
 * first screen, and axe finds nothing on the new pages (WCAG 2.2 AA). Screenshots go to
 * .tmp/screenshots/reader-*.png.
 */
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import decodeQR from 'qr/decode.js';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, it, type TestContext } from 'vitest';
import { pagePath, type PageRef } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { SCREENSHOTS, useBrowser } from '../support/browser.ts';
import { siteUrl } from '../support/site.ts';

const browser = useBrowser();
const url = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), siteUrl()).href;
const SIZES = [
	{ name: 'phone', viewport: { width: 375, height: 812 } },
	{ name: 'desktop', viewport: { width: 1366, height: 900 } },
] as const;
const MODES = ['standard', 'large'] as const;

/** A fresh context (own storage) at `size` in `mode`, closed when the test `test` ends. */
async function open(
	test: Pick<TestContext, 'onTestFinished'>,
	size: (typeof SIZES)[number],
	mode: (typeof MODES)[number],
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.context({ viewport: size.viewport, locale: 'zh-CN' });
	test.onTestFinished(() => context.close());
	const page = await context.newPage();
	// The way a reader gets there from a link: ?large=1 turns the mode on and it is remembered.
	if (mode === 'large') await page.goto(url('/zh-hans/?large=1'));
	return { context, page };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `reader-${name}.png`), fullPage: true });
const bodyFontSize = (page: Page) =>
	page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p, main li') ?? document.body).fontSize));

for (const size of SIZES) {
	for (const mode of MODES) {
		const tag = `${size.name}, ${mode}`;
		// Each test has a context of its own on a static site: they run side by side, with their own `expect`.
		describe.concurrent(`reader (${tag})`, () => {
			it('compare: the selection survives navigation and reload, and the table lines cases up', async (test) => {
				const { expect } = test;
				const { page } = await open(test, size, mode);
				await page.goto(url('/zh-hans/'));
				const buttons = page.locator('.card [data-compare-id]');
				const first = await buttons.nth(0).getAttribute('data-compare-id');
				const second = await buttons.nth(1).getAttribute('data-compare-id');
				await buttons.nth(0).click();
				await buttons.nth(1).click();
				await expect.poll(() => buttons.nth(0).getAttribute('aria-pressed')).toBe('true');
				const tray = page.locator('[data-compare-tray]');
				expect(await tray.isVisible()).toBe(true);
				expect(await tray.textContent()).toContain('已选2个案例对比');

				await page.locator('.main-nav a', { hasText: '地区' }).click();
				await page.waitForURL(/\/regions\/$/);
				expect(await page.locator('[data-compare-tray]').isVisible()).toBe(true);
				await page.locator('[data-compare-tray] a').click();
				await page.waitForURL(new RegExp(`/compare/\\?cases=${first},${second}$`));
				await page.locator('.compare-table').waitFor();
				expect(await page.locator('.compare-table thead th').count()).toBe(2);
				expect(await page.locator('.compare-table tr[data-row="region"] td').count()).toBe(2);
				await shot(page, `compare-${size.name}-${mode}`);

				await page.reload();
				await page.locator('.compare-table').waitFor();
				expect(await page.locator('.compare-table thead th').count()).toBe(2);

				// A shared link shows its own selection, and 移出 updates the URL.
				await page.goto(url(`/zh-hant/compare/?cases=${second}`));
				await page.locator('.compare-table').waitFor();
				expect(await page.locator('.compare-table thead th').count()).toBe(1);
				expect(await page.locator('[data-compare-status]').textContent()).toContain('請至少選擇2個案例');
				await page.locator('.compare-remove').click();
				await expect.poll(() => page.url()).toMatch(/\/compare\/$/);
			});

			it('大字 mode: the toggle (or ?large=) persists across pages, before the first paint', async (test) => {
				const { expect } = test;
				const { page } = await open(test, size, mode);
				await page.goto(url('/zh-hans/cases/changning-yangquan/'));
				const html = page.locator('html');
				expect(await html.getAttribute('data-reading')).toBe(mode === 'large' ? 'large' : null);
				const standardSize = mode === 'standard' ? await bodyFontSize(page) : undefined;
				await page.locator('[data-reading-toggle]').click();
				expect(await html.getAttribute('data-reading')).toBe(mode === 'large' ? null : 'large');
				if (mode === 'standard') {
					expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(18);
					expect(await bodyFontSize(page)).toBeGreaterThan(standardSize!);
					await shot(page, `case-${size.name}-large-toggled`);
				}
				// The next page is drawn in the chosen mode from its first paint: the attribute is set
				// before the body exists.
				await page.goto(url('/zh-hant/metrics/'), { waitUntil: 'commit' });
				await page.waitForSelector('body', { state: 'attached' });
				expect(await html.getAttribute('data-reading')).toBe(mode === 'large' ? null : 'large');
				await page.goto(url(`/zh-hans/regions/?large=${mode === 'large' ? 1 : 0}`));
				expect(await html.getAttribute('data-reading')).toBe(mode === 'large' ? 'large' : null);
				await page.goto(url('/zh-hans/methods/'));
				expect(await html.getAttribute('data-reading')).toBe(mode === 'large' ? 'large' : null);
				expect(await page.locator('[data-reading-toggle]').getAttribute('aria-pressed')).toBe(String(mode === 'large'));
			});

			it('简/繁 keeps the search query; the first result is on the first screen', async (test) => {
				const { expect } = test;
				const { page } = await open(test, size, mode);
				await page.goto(url('/zh-hans/search/?q=党建&sort=newest'));
				await page.locator('#search-results[data-query="党建"] .search-result h3 a').first().waitFor();
				const box = await page.locator('#search-results .search-result').first().boundingBox();
				if (mode === 'standard') expect(box!.y).toBeLessThan(size.viewport.height);
				await shot(page, `search-${size.name}-${mode}`);
				await page.locator('.script-switch').click();
				await page.waitForURL(/\/zh-hant\/search\/\?q=/);
				expect(new URL(page.url()).searchParams.get('q')).toBe('党建');
				expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
				await page.locator('#search-results[data-query="党建"] .search-result h3 a').first().waitFor();
				expect(await page.locator('#search-q').inputValue()).toBe('党建');
			});

			it('the header holds at 200% text: nothing cut off, no sideways scrolling', async (test) => {
				const { expect } = test;
				const { page } = await open(test, size, mode);
				await page.goto(url('/zh-hans/cases/changning-yangquan/'));
				await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
				const width = size.viewport.width;
				for (const selector of ['.header-search button', '.script-switch', '[data-reading-toggle]', '.main-nav li:last-child a']) {
					const box = await page.locator(selector).boundingBox();
					expect(box, selector).not.toBeNull();
					expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width);
				}
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
				await page.screenshot({ path: path.join(SCREENSHOTS, `reader-header-200-${size.name}-${mode}.png`) });
			});
		});
	}
}

describe('phone layout', () => {
	it('the 主要数据 panel is compact and the 数据 page is paged cards', async (test) => {
		const { expect } = test;
		const { page } = await open(test, SIZES[0], 'standard');
		await page.goto(url('/zh-hans/cases/changning-yangquan/'));
		const panel = await page.locator('.key-figures').boundingBox();
		const figures = await page.locator('.key-figures li').count();
		// Two figures to a row: about half the height one per row took (≈ 640 px for this case).
		expect(panel!.height).toBeLessThan(figures * 36 + 80);
		await page.goto(url('/zh-hans/metrics/'));
		const rows = page.locator('[data-metrics-table] tbody tr:not([hidden])');
		expect(await rows.count()).toBe(20);
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(5000);
		await page.locator('[data-page-next]').click();
		expect(await page.locator('[data-page-status]').textContent()).toMatch(/第2页/);
		await shot(page, 'metrics-phone');
	});
});

describe.concurrent('分享', () => {
	for (const script of SCRIPTS) {
		it(`the QR code of a case page (${script}), as the browser draws it, scans to the page's address`, async (test) => {
			const { expect } = test;
			const { page } = await open(test, SIZES[0], 'standard');
			const address = url(pagePath('/', script, { kind: 'case', id: 'changning-yangquan' }));
			await page.goto(address);
			// The inline SVG, drawn by Chromium onto a canvas four pixels to a module, read as a phone would.
			const image = await page.locator('.share-qr svg').evaluate(async (svg) => {
				const size = (svg as SVGSVGElement).viewBox.baseVal.width * 4;
				const picture = new Image(size, size);
				picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
				await picture.decode();
				const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
				const context = canvas.getContext('2d')!;
				context.drawImage(picture, 0, 0, size, size);
				return { width: size, height: size, data: [...context.getImageData(0, 0, size, size).data] };
			});
			const shared = await page.locator('#share-url').inputValue();
			expect(decodeQR({ ...image, data: Uint8Array.from(image.data) })).toBe(shared);
			expect(new URL(shared).pathname).toBe(new URL(address).pathname);
		});
	}
});

describe.concurrent('accessibility of the new pages (axe, WCAG 2.2 AA)', () => {
	const refs: { name: string; ref: PageRef; query?: string }[] = [
		{ name: 'compare', ref: { kind: 'compare' }, query: '?cases=changning-yangquan,changshan-cunqing-baogaohui,jixi-shangzhuang' },
		{ name: 'data', ref: { kind: 'data' } },
		{ name: 'regions', ref: { kind: 'regions' } },
		{ name: 'province', ref: { kind: 'region', code: '140000' } },
		{ name: 'metrics', ref: { kind: 'metrics' } },
		{ name: 'method', ref: { kind: 'method', slug: 'grid-governance' } },
		{ name: 'case', ref: { kind: 'case', id: 'changning-yangquan' } },
	];
	for (const mode of MODES) {
		for (const script of SCRIPTS) {
			for (const { name, ref, query } of refs) {
				it(`${name} (${script}, ${mode}): 0 violations`, async (test) => {
					const { expect } = test;
					const { page } = await open(test, SIZES[1], mode);
					await page.goto(url(`${pagePath('/', script, ref)}${query ?? ''}`));
					if (name === 'compare') await page.locator('.compare-table').waitFor();
					// With something chosen, the tray and pressed buttons are part of the page too.
					if (name === 'case') await page.locator('[data-compare-id]').first().click();
					const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
					const problems = result.violations.flatMap((v) =>
						v.nodes.map((n) => `[${v.id}] ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
					);
					expect(problems).toEqual([]);
				});
			}
		}
	}
});
