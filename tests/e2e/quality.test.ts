/**
 * The built site in headless Chromium: axe finds no WCAG 2.1 AA violation and every
 * page's content sits in landmarks, keyboard readers get a skip link and a visible
 * focus ring, and no page type requests anything from a host other than the site's.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';
import { sortCases, sortIssues } from '../../src/lib/compendium/issue-order.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { pagePath, type PageRef } from '../../src/lib/routes.ts';
import { SCRIPTS, type Script } from '../../src/schemas/script.ts';
import { hasPage, siteUrl } from '../support/site.ts';

const content = validateContent();
const cases = sortCases([...content.cases.values()].filter((c) => c.data.status === 'published'));
const issues = sortIssues([...content.issues.values()]);
const newest = cases[0];
const issue = issues[0];

/** One page of every type the site builds, in both scripts, plus the host-level 404. */
function pageTypes(): { name: string; path: string; query?: string }[] {
	const refs: { name: string; ref: PageRef; query?: string }[] = [
		{ name: 'home', ref: { kind: 'home' } },
		...(newest ? [{ name: 'case', ref: { kind: 'case', id: newest.id } as PageRef }] : []),
		{ name: 'issue archive', ref: { kind: 'issues' } },
		...(issue ? [{ name: 'issue', ref: { kind: 'issue', id: issue.id } as PageRef }] : []),
		...(issue ? [{ name: 'issue print layout', ref: { kind: 'issuePrint', id: issue.id } as PageRef }] : []),
		{ name: 'regions', ref: { kind: 'regions' } },
		...(newest ? [{ name: 'region', ref: { kind: 'region', code: `${newest.data.region.code.slice(0, 2)}0000` } as PageRef }] : []),
		{ name: 'methods', ref: { kind: 'methods' } },
		...(newest ? [{ name: 'method', ref: { kind: 'method', slug: newest.data.methods[0]! } as PageRef }] : []),
		{ name: 'metrics', ref: { kind: 'metrics' } },
		{ name: 'search', ref: { kind: 'search' }, query: '?q=党建' },
		{ name: '404', ref: { kind: 'notFound' } },
	];
	return [
		...SCRIPTS.flatMap((script: Script) =>
			refs.map(({ name, ref, query }) => ({ name: `${name} (${script})`, path: pagePath('/', script, ref), ...(query ? { query } : {}) })),
		),
		{ name: 'host 404.html', path: '/404.html' },
	];
}

const pages = pageTypes();
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
});

async function open(path: string, setup?: (context: BrowserContext) => Promise<void>): Promise<{ page: Page; context: BrowserContext }> {
	const context = await browser.newContext({ locale: 'zh-CN' });
	await setup?.(context);
	const page = await context.newPage();
	await page.goto(new URL(path.replace(/^\//, ''), siteUrl()).href, { waitUntil: 'load' });
	return { page, context };
}

const describeViolations = (violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
	violations.flatMap((v) => v.nodes.map((n) => `[${v.id}] ${v.help}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));

/**
 * Opens `path` with every request recorded: those to the site's own host go through, any
 * other is refused and listed as foreign.
 */
async function openRecordingRequests(path: string): Promise<{ page: Page; context: BrowserContext; requested: string[]; foreign: string[] }> {
	const own = new URL(siteUrl()).host;
	const requested: string[] = [];
	const foreign: string[] = [];
	const { page, context } = await open(path, async (ctx) => {
		await ctx.route('**/*', (route) => {
			const url = new URL(route.request().url());
			requested.push(url.href);
			if (url.protocol === 'data:' || url.protocol === 'blob:' || url.host === own) return route.continue();
			foreign.push(`${route.request().resourceType()} ${url.href}`);
			return route.abort();
		});
	});
	return { page, context, requested, foreign };
}

/** Gives lazy loaders (search index, deferred scripts) a moment to ask for more. */
const settle = (page: Page) => page.waitForLoadState('networkidle').catch(() => undefined);

// The site is static and each page opens in a context of its own: pages are checked side by side
// (the project's maxConcurrency at a time), with the test's own `expect`. One visit per page:
// two axe analyses (WCAG 2.1 A/AA, then the landmark and structure rules) and its requests.
describe.concurrent('accessibility (axe) and no third-party requests', () => {
	for (const { name, path, query } of pages) {
		it(`${name} ${path}: 0 violations of WCAG 2.1 A and AA; one main landmark, all content inside landmarks; every request to the site's own host`, async ({
			expect,
		}) => {
			expect(hasPage(path), `${path} was not built`).toBe(true);
			const { page, context, requested, foreign } = await openRecordingRequests(`${path}${query ?? ''}`);
			const wcag = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const landmarks = await new AxeBuilder({ page })
				.withRules([
					'region',
					'landmark-one-main',
					'landmark-unique',
					'landmark-no-duplicate-main',
					'landmark-no-duplicate-banner',
					'landmark-no-duplicate-contentinfo',
					'bypass',
					'page-has-heading-one',
				])
				.analyze();
			await settle(page);
			await context.close();
			expect(describeViolations(wcag.violations), 'WCAG 2.1 A and AA').toEqual([]);
			expect(describeViolations(landmarks.violations), 'landmarks').toEqual([]);
			expect(requested.length).toBeGreaterThan(0);
			expect(foreign, 'third-party requests').toEqual([]);
		});
	}

	it("root redirect /: every request goes to the site's own host", async ({ expect }) => {
		expect(hasPage('/'), '/ was not built').toBe(true);
		const { page, context, requested, foreign } = await openRecordingRequests('/');
		await settle(page);
		await context.close();
		expect(requested.length).toBeGreaterThan(0);
		expect(foreign).toEqual([]);
	});
});

/** Relative luminance and contrast ratio (WCAG 2.1), from "rgb(r, g, b)". */
function contrast(a: string, b: string): number {
	const luminance = (color: string) => {
		const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
			const c = Number(v) / 255;
			return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

describe('keyboard', () => {
	const keyboardPages = newest ? SCRIPTS.map((script) => pagePath('/', script, { kind: 'case', id: newest.id })) : [];
	keyboardPages.push(pagePath('/', 'hans', { kind: 'home' }));

	for (const path of keyboardPages) {
		it(`${path}: the first Tab reaches a visible skip link that moves focus into <main>`, async () => {
			const { page, context } = await open(path);
			await page.keyboard.press('Tab');
			const skip = await page.evaluate(() => {
				const el = document.activeElement as HTMLAnchorElement | null;
				const box = el?.getBoundingClientRect();
				return { href: el?.getAttribute('href'), text: el?.textContent?.trim(), top: box?.top ?? -1, height: box?.height ?? 0 };
			});
			expect(skip.href).toBe('#main');
			expect(skip.text).toBeTruthy();
			expect(skip.top, 'the focused skip link is on screen').toBeGreaterThanOrEqual(0);
			expect(skip.height).toBeGreaterThan(0);
			await page.keyboard.press('Enter');
			await page.keyboard.press('Tab');
			const inMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
			await context.close();
			expect(inMain, 'after the skip link, the next Tab lands inside <main>').toBe(true);
		});

		it(`${path}: every focus stop shows a focus ring with at least 3:1 contrast against its background`, async () => {
			const { page, context } = await open(path);
			const problems: string[] = [];
			const seen = new Set<string>();
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				const focus = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body) return undefined;
					const style = getComputedStyle(el);
					let bg = 'rgb(255, 255, 255)';
					for (let node: Element | null = el.parentElement; node; node = node.parentElement) {
						const color = getComputedStyle(node).backgroundColor;
						if (color && !/rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent') {
							bg = color;
							break;
						}
					}
					const box = el.getBoundingClientRect();
					return {
						id: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.getAttribute('name') ?? el.textContent?.trim().slice(0, 20)}`,
						outlineStyle: style.outlineStyle,
						outlineWidth: parseFloat(style.outlineWidth),
						outlineColor: style.outlineColor,
						boxShadow: style.boxShadow,
						background: bg,
						visible: box.width > 0 && box.height > 0,
					};
				});
				if (!focus) break;
				if (seen.has(focus.id)) continue;
				seen.add(focus.id);
				const ring = focus.outlineStyle !== 'none' && focus.outlineWidth >= 2;
				if (!focus.visible) problems.push(`${focus.id}: focused but not visible`);
				else if (!ring && focus.boxShadow === 'none')
					problems.push(`${focus.id}: no focus ring (outline ${focus.outlineStyle} ${focus.outlineWidth}px)`);
				else if (ring && contrast(focus.outlineColor, focus.background) < 3) {
					problems.push(
						`${focus.id}: focus ring ${focus.outlineColor} on ${focus.background} has contrast ${contrast(focus.outlineColor, focus.background).toFixed(2)}:1 (needs 3:1)`,
					);
				}
			}
			await context.close();
			expect(seen.size, 'Tab moved through the page').toBeGreaterThan(5);
			expect(problems).toEqual([]);
		});
	}
});
