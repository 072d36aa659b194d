/**
 * `npm run dev` (scripts/dev.ts) as an editor uses it, in headless Chromium: the search page finds a typed
 * query (the integration builds the index from the content on first use), and a content
 * error shows in the browser, in Astro's error overlay with the file and line, until it is
 * fixed; an edited case body shows in both scripts after save (bodies are rendered in the
 * content layer, src/lib/markdown/rendered-bodies.ts). The dev server runs on a copy of the sample content, so the test can break it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';
import { overlayText, startDevServer, type DevServer } from '../support/dev-server.ts';

let dev: DevServer;
let origin: string;
let caseFile: string;
let browser: Browser;

beforeAll(async () => {
	dev = await startDevServer(4300 + (process.pid % 500));
	origin = dev.origin;
	caseFile = path.join(dev.content, 'cases', 'yuncheng-yanhu.mdx');
	browser = await launchChromium();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	dev?.stop();
});

async function open(url: string): Promise<Page> {
	const page = await browser.newPage();
	await page.goto(url);
	return page;
}

describe('npm run dev', () => {
	it('finds a typed query on the search page', async () => {
		const page = await open(`${origin}/zh-hans/search/`);
		// Type once the page has drawn its first state: before that its input listener may not be
		// there yet (the dev index is built on first use), and the typed query would be lost.
		await page.waitForFunction(
			() =>
				document.querySelector('#search-status')?.textContent &&
				((document.querySelector('#search-results') as HTMLElement).dataset.query ?? '') === '',
			undefined,
			{ timeout: 90_000 },
		);
		await page.fill('#search-q', '屋场');
		// The results for the typed query (not the browse list the page may show first).
		await page.waitForFunction(
			() =>
				(document.querySelector('#search-results') as HTMLElement).dataset.query === '屋场' &&
				document.querySelector('.search-result:not([aria-busy]) h3 a'),
			undefined,
			{ timeout: 90_000 },
		);
		const titles = await page.locator('.search-result h3 a').allTextContents();
		expect(titles.some((title) => title.includes('屋场'))).toBe(true);
		expect(await page.textContent('#search-status')).toMatch(/找到\s*\d+\s*个案例/);
		await page.close();
	}, 200_000);

	it('shows a content error in the browser with its file and line, and the page again once fixed', async () => {
		const good = readFileSync(caseFile, 'utf8');
		const line = good.split('\n').findIndex((l) => l.startsWith('status: ')) + 1;
		writeFileSync(caseFile, good.replace(/^status: published$/m, 'status: pubished'));
		try {
			await expect.poll(() => dev.output(), { timeout: 20_000 }).toContain('pubished');
			const page = await open(`${origin}/zh-hans/`);
			const text = await overlayText(page);
			expect(text).toContain('内容有 1 处错误');
			expect(text).toContain(`yuncheng-yanhu.mdx:${line}`);
			expect(text).toContain('pubished');
			await page.close();
		} finally {
			writeFileSync(caseFile, good);
		}
		await expect.poll(async () => (await fetch(`${origin}/zh-hans/`)).status, { timeout: 20_000, interval: 500 }).toBe(200);
	}, 90_000);

	it('shows an edited case body after save, and the body as it was once the edit is undone, in both scripts', async () => {
		const good = readFileSync(caseFile, 'utf8');
		const text = async (script: string) => (await (await fetch(`${origin}/zh-${script}/cases/yuncheng-yanhu/`)).text()).replace(/<[^>]+>/g, '');
		await withServerOutput(async () => {
			writeFileSync(caseFile, `${good.trimEnd()}\n\n保存后立即显示的新发展段落。\n`);
			try {
				await expect.poll(() => text('hans'), { timeout: 20_000, interval: 500 }).toContain('保存后立即显示的新发展段落。');
				await expect.poll(() => text('hant'), { timeout: 20_000, interval: 500 }).toContain('保存後立即顯示的新發展段落。');
			} finally {
				writeFileSync(caseFile, good);
			}
			await expect.poll(() => text('hans'), { timeout: 20_000, interval: 500 }).not.toContain('保存后立即显示');
			await expect.poll(() => text('hant'), { timeout: 20_000, interval: 500 }).not.toContain('保存後立即顯示');
		});
	}, 90_000);
});

/** Runs `steps`; when one fails, its error also shows what the dev server printed (which file events it heard). */
async function withServerOutput(steps: () => Promise<void>): Promise<void> {
	try {
		await steps();
	} catch (error) {
		(error as Error).message += `\n\nnpm run dev printed:\n${dev.output().slice(-4000)}`;
		throw error;
	}
}
