/**
 * `npm run dev` started on content that already has an error: the server keeps running
 * (Astro's content loader would otherwise end it), every page shows the error in Astro's
 * overlay with its file and line, and the page renders once the editor fixes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';
import { overlayText, startDevServer, type DevServer } from '../support/dev-server.ts';

let dev: DevServer;
let browser: Browser;
let good = '';
let line = 0;
const caseOf = (content: string) => path.join(content, 'cases', 'yuncheng-yanhu.mdx');

beforeAll(async () => {
	dev = await startDevServer(4800 + (process.pid % 500), {
		anyAnswer: true,
		prepare: (content) => {
			good = readFileSync(caseOf(content), 'utf8');
			line = good.split('\n').findIndex((l) => l.startsWith('status: ')) + 1;
			writeFileSync(caseOf(content), good.replace(/^status: published$/m, 'status: pubished'));
		},
	});
	browser = await launchChromium();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	dev?.stop();
});

it('keeps running with a content error at startup, shows it in the browser, and the page once fixed', async () => {
	expect(line).toBeGreaterThan(0);
	const page = await browser.newPage();
	await page.goto(`${dev.origin}/zh-hans/`);
	const text = await overlayText(page);
	expect(text).toContain('内容有 1 处错误');
	expect(text).toContain(`yuncheng-yanhu.mdx:${line}`);
	expect(text).toContain('pubished');
	await page.close();
	expect(dev.output()).not.toContain('内部错误');

	writeFileSync(caseOf(dev.content), good);
	await expect.poll(() => dev.output(), { timeout: 20_000 }).toContain('内容错误已全部修正');
	await expect.poll(async () => (await fetch(`${dev.origin}/zh-hans/cases/yuncheng-yanhu/`)).status, { timeout: 30_000, interval: 500 }).toBe(200);
	expect(await (await fetch(`${dev.origin}/zh-hans/cases/yuncheng-yanhu/`)).text()).toContain('五面红旗');
}, 120_000);
