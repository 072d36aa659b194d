/**
 * The case pages' QR codes made ahead in a worker (qr-codes-alongside.ts): the codes are the
 * ones a page would make itself, a page takes each one once, and a page whose code is not
 * there yet makes its own.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { casePageAddresses, startQrCodesAlongside } from '../../../src/lib/build/qr-codes-alongside.ts';
import { makeQrSvg, offerMadeCodes, qrSvg } from '../../../src/lib/compendium/qr-code.ts';
import { loadSiteConfig } from '../../../src/lib/content/site-config.ts';
import type { Case } from '../../../src/schemas/case.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
	await stop?.();
	stop = undefined;
	delete process.env.COMPENDIUM_SCRIPTS;
});

const caseOn = (id: string, date: string) => ({ id, data: { date: new Date(date) } as Case });

describe('casePageAddresses', () => {
	it("lists each case's page in every script, newest first as the case route renders them, on the site's address", () => {
		const site = loadSiteConfig().url.replace(/\/$/, '');
		const addresses = casePageAddresses([caseOn('old', '2020-01-01'), caseOn('new', '2024-05-01')], '/');
		expect(addresses).toEqual([
			`${site}/zh-hans/cases/new/`,
			`${site}/zh-hans/cases/old/`,
			`${site}/zh-hant/cases/new/`,
			`${site}/zh-hant/cases/old/`,
		]);
		process.env.COMPENDIUM_SCRIPTS = 'hans';
		expect(casePageAddresses([caseOn('old', '2020-01-01')], '/base/')).toEqual([`${site}/base/zh-hans/cases/old/`]);
	});
});

describe('startQrCodesAlongside', () => {
	/** The codes offered to the pages (qr-code.ts keeps them on globalThis for Astro's bundle). */
	const offered = () =>
		(globalThis as Record<symbol, { size: number; has(text: string): boolean } | undefined>)[Symbol.for('case-compendium.qr-codes')];

	it('makes the codes a page would make, each taken once, and never more than a thousand ahead of the pages', async () => {
		const texts = Array.from({ length: 1500 }, (_, i) => `https://example.gov.cn/zh-hans/cases/case-${i}/`);
		stop = startQrCodesAlongside(texts);
		await expect.poll(() => offered()?.size, { timeout: 20_000 }).toBe(1000);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(offered()!.size, 'the worker waits for the pages').toBe(1000);
		for (const text of texts.slice(0, 500)) {
			expect(offered()!.has(text)).toBe(true);
			expect(await qrSvg(text)).toBe(await makeQrSvg(text));
			expect(offered()!.has(text)).toBe(false);
		}
		// Pages took 500: the worker makes the rest.
		await expect.poll(() => offered()!.has(texts.at(-1)!), { timeout: 20_000 }).toBe(true);
		expect(await qrSvg(texts.at(-1)!)).toBe(await makeQrSvg(texts.at(-1)!));
		await stop();
		stop = undefined;
		expect(offered()).toBeUndefined();
	});

	it('skips the pages that went by while it was behind, and keeps no code they made themselves', async () => {
		const texts = Array.from({ length: 1500 }, (_, i) => `https://example.gov.cn/zh-hans/cases/case-${i}/`);
		stop = startQrCodesAlongside(texts);
		// The first 1,200 pages ask before the worker has sent anything: each makes its own code.
		for (const text of texts.slice(0, 1200)) expect(await qrSvg(text)).toBe(await makeQrSvg(text));
		// The worker is not held back by the codes those pages did not take: it makes the last ones.
		await expect.poll(() => offered()!.has(texts.at(-1)!), { timeout: 20_000 }).toBe(true);
		await stop();
		stop = undefined;
	});

	it('drops the codes of pages that made their own, whenever they arrive', async () => {
		const texts = Array.from({ length: 300 }, (_, i) => `https://example.gov.cn/zh-hant/cases/case-${i}/`);
		stop = startQrCodesAlongside(texts);
		for (const text of texts.slice(0, 100)) await qrSvg(text);
		await expect.poll(() => offered()!.has(texts.at(-1)!), { timeout: 20_000 }).toBe(true);
		// Only the 200 pages that have not asked have codes waiting, whichever of the first 100 the worker made.
		expect(offered()!.size).toBe(200);
		for (const text of texts.slice(0, 100)) expect(offered()!.has(text)).toBe(false);
	});

	it("gives a page the codes made while Astro's thread never went back to the event loop", () => {
		const texts = Array.from({ length: 200 }, (_, i) => `https://example.gov.cn/zh-hans/cases/case-${i}/`);
		stop = startQrCodesAlongside(texts);
		// Astro renders page after page on promises that are already settled: no message event runs meanwhile.
		const nap = new Int32Array(new SharedArrayBuffer(4));
		const giveUp = performance.now() + 20_000;
		while (!offered()!.has(texts[0]!) && performance.now() < giveUp) Atomics.wait(nap, 0, 0, 20);
		expect(offered()!.has(texts[0]!)).toBe(true);
	});

	it('stops at once a worker waiting for the pages', async () => {
		stop = startQrCodesAlongside(Array.from({ length: 1200 }, (_, i) => `https://example.gov.cn/${i}/`));
		await expect.poll(() => offered()?.size, { timeout: 20_000 }).toBe(1000);
		const stopping = performance.now();
		await stop();
		stop = undefined;
		expect(performance.now() - stopping).toBeLessThan(500);
	});

	it('is where a page takes its code from while offered, and a page makes what is not there', async () => {
		const ahead = new Map([['https://example.gov.cn/a/', '<svg>made ahead</svg>']]);
		const withdraw = offerMadeCodes({
			take(text) {
				const code = ahead.get(text);
				ahead.delete(text);
				return code;
			},
		});
		try {
			expect(await qrSvg('https://example.gov.cn/a/')).toBe('<svg>made ahead</svg>');
			// Taken once: asked again, the page makes it.
			expect(await qrSvg('https://example.gov.cn/a/')).toBe(await makeQrSvg('https://example.gov.cn/a/'));
		} finally {
			withdraw();
		}
		expect(await qrSvg('https://example.gov.cn/b/')).toMatch(/^<svg aria-hidden="true"/);
	});
});
