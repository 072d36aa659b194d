/**
 * What a reader's browser downloads for each page type, measured by loading the page in
 * Chromium and recording every response: requests, and gzip bytes by kind (the figures
 * a host with compression serves). The case page's JavaScript has a budget: reading
 * needs none, the 简/繁 switch's memory is all it should carry. And on disk: the largest
 * HTML pages of a built site, against the 300 KB a page may weigh at any size of compendium.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** Goal from the issue: no HTML page over 300 KB (uncompressed), whatever the number of cases. */
export const PAGE_SIZE_LIMIT_BYTES = 300 * 1024;

/** An HTML file of a built site and its size on disk. */
export interface PageFile {
	/** Site-relative path of the file, e.g. zh-hans/metrics/index.html. */
	file: string;
	bytes: number;
}

/** The `count` largest HTML files under `dir`, largest first, and how many there are over `limit` bytes. */
export function largestPages(dir: string, count = 3, limit = PAGE_SIZE_LIMIT_BYTES): { largest: PageFile[]; pages: number; over: PageFile[] } {
	const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file: file.split(path.sep).join('/'), bytes: statSync(path.join(dir, file)).size }))
		.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
	return { largest: pages.slice(0, count), pages: pages.length, over: pages.filter((page) => page.bytes > limit) };
}

/** Goal from the issue: a case page needs at most 5 KB of JavaScript (gzip), files and inline scripts together. */
export const CASE_JS_BUDGET_BYTES = 5 * 1024;

/** What one page load downloaded: responses counted, and gzip bytes by kind. */
export interface PageWeight {
	requests: number;
	/** gzip bytes by kind. */
	html: number;
	css: number;
	js: number;
	fonts: number;
	images: number;
	other: number;
	/** gzip bytes of inline <script>s: JavaScript, but already counted in `html` (they arrive inside it). */
	inlineJs: number;
	/** Requests that failed or returned an error status. */
	failed: string[];
}

type Kind = Exclude<keyof PageWeight, 'requests' | 'failed' | 'inlineJs'>;

function kindOf(resourceType: string, contentType: string): Kind {
	if (resourceType === 'document') return 'html';
	if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css';
	if (resourceType === 'script' || contentType.includes('javascript')) return 'js';
	if (resourceType === 'font' || contentType.startsWith('font/')) return 'fonts';
	if (resourceType === 'image' || contentType.startsWith('image/')) return 'images';
	return 'other';
}

/** Loads `url` in a fresh context and adds up what came over the wire, and the inline scripts' share of the HTML. */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const weight: PageWeight = { requests: 0, html: 0, css: 0, js: 0, fonts: 0, images: 0, other: 0, inlineJs: 0, failed: [] };
	const pending: Promise<void>[] = [];
	page.on('requestfailed', (request) => weight.failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
	page.on('response', (response) => {
		weight.requests++;
		if (response.status() >= 400) weight.failed.push(`${response.url()} (${response.status()})`);
		const kind = kindOf(response.request().resourceType(), response.headers()['content-type'] ?? '');
		pending.push(
			response
				.body()
				.then((body) => {
					weight[kind] += gzipSync(body).length;
				})
				.catch(() => undefined),
		);
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle').catch(() => undefined);
	await Promise.all(pending);
	// Inline <script>s arrive inside the HTML (so their bytes are in `html` already) but are JavaScript
	// all the same: kept apart so the JavaScript budget sees them and the byte total counts them once.
	const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
	if (inline.trim()) weight.inlineJs = gzipSync(inline).length;
	await context.close();
	return weight;
}

/** One report line for the page labelled `name`: sizes in KB, fonts, images and the rest summed as "other". */
export function formatWeight(name: string, weight: PageWeight): string {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const extra = weight.fonts + weight.images + weight.other;
	return [
		`${name.padEnd(18)} html ${kb(weight.html)}${weight.inlineJs ? ` (${kb(weight.inlineJs)} of it inline js)` : ''}, css ${kb(weight.css)}, js ${kb(weight.js)}`,
		extra ? `, other ${kb(extra)}` : '',
		`, ${weight.requests} request${weight.requests === 1 ? '' : 's'}`,
		weight.failed.length ? `, FAILED: ${weight.failed.join('; ')}` : '',
	].join('');
}

/** All the JavaScript a page brings (gzip): script files plus inline scripts, for the budget. */
export function javascriptBytes(weight: PageWeight): number {
	return weight.js + weight.inlineJs;
}
