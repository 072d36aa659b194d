/** One headless Chromium per test file, with a fresh context (own storage) per test. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export function useBrowser(): { context(options?: BrowserContextOptions): Promise<BrowserContext> } {
	let browser: Browser | undefined;
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		browser = await launchChromium();
		mkdirSync(SCREENSHOTS, { recursive: true });
	});
	afterAll(async () => {
		for (const context of contexts) await context.close().catch(() => {});
		await browser?.close();
	});
	return {
		async context(options = {}) {
			if (!browser) throw new Error('the browser is not running yet');
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
			contexts.push(context);
			return context;
		},
	};
}
