import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedPagesDir, linkCachedPages, linkCachedPagesInBackground, removeUnbuiltPages } from '../../../src/lib/build/linked-pages.ts';
import { announceLinking, pagesReady } from '../../../src/lib/build/pages-ready.ts';

let work: string;
let cacheDir: string;
let staging: string;

/** Writes an incremental manifest as Astro does, one route with the given pages (pathname → output file). */
function writeManifest(pages: Record<string, string>): void {
	const paths = Object.fromEntries(Object.entries(pages).map(([pathname, outputFile]) => [pathname, { cacheKey: pathname, outputFile }]));
	writeFileSync(
		path.join(cacheDir, 'incremental-build.json'),
		JSON.stringify({ version: 1, configHash: 'c', lockfileHash: 'l', routes: { 'src/pages/[id].astro': { dependencyHash: 'd', paths } } }),
	);
}

/** Puts a page into Astro's cache of rendered pages. */
function cachePage(relative: string, text: string): string {
	const file = path.join(cachedPagesDir(cacheDir), relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	return file;
}

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'linked-pages-'));
	cacheDir = path.join(work, 'cache');
	staging = path.join(work, 'staging');
	mkdirSync(cacheDir, { recursive: true });
	mkdirSync(staging);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('linkCachedPages', () => {
	it('links each cached page of the manifest into the staging folder, URL-decoding its path, and skips pages the cache lost', () => {
		const cached = cachePage('zh-hans/cases/案例/index.html', '<p>案例</p>');
		writeManifest({ '/zh-hans/cases/案例/': 'zh-hans/cases/%E6%A1%88%E4%BE%8B/index.html', '/gone/': 'gone/index.html' });
		const linked = linkCachedPages(cacheDir, staging);
		const target = path.join(staging, 'zh-hans/cases/案例/index.html');
		expect([...(linked?.files ?? [])]).toEqual([target]);
		expect(statSync(target).ino).toBe(statSync(cached).ino);
		expect(existsSync(path.join(staging, 'gone/index.html'))).toBe(false);
	});

	it('links nothing without a manifest (a first build)', () => {
		expect(linkCachedPages(cacheDir, staging)).toBeUndefined();
	});
});

describe('linkCachedPagesInBackground', () => {
	it('links in a worker thread what linkCachedPages links, and tells which files', async () => {
		const cached = cachePage('zh-hans/cases/案例/index.html', '<p>案例</p>');
		writeManifest({ '/zh-hans/cases/案例/': 'zh-hans/cases/%E6%A1%88%E4%BE%8B/index.html', '/gone/': 'gone/index.html' });
		const linked = await linkCachedPagesInBackground(cacheDir, staging);
		const target = path.join(staging, 'zh-hans/cases/案例/index.html');
		expect([...(linked?.files ?? [])]).toEqual([target]);
		expect(statSync(target).ino).toBe(statSync(cached).ino);
	});

	it('answers undefined without a manifest', async () => {
		expect(await linkCachedPagesInBackground(cacheDir, staging)).toBeUndefined();
	});

	it('is what pagesReady waits for, and pagesReady throws what the linking threw', async () => {
		let finish!: () => void;
		const linking = new Promise<void>((resolve) => (finish = resolve));
		const unannounce = announceLinking(linking);
		let ready = false;
		const waiting = pagesReady().then(() => (ready = true));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ready).toBe(false);
		finish();
		await waiting;
		unannounce();
		const failing = Promise.reject(new Error('no links'));
		const unannounceFailing = announceLinking(failing);
		await expect(pagesReady()).rejects.toThrow('no links');
		unannounceFailing();
		await expect(pagesReady()).resolves.toBeUndefined();
	});
});

describe('removeUnbuiltPages', () => {
	it('removes linked pages the new build neither kept nor wrote, and the folders left empty', () => {
		cachePage('zh-hans/cases/kept/index.html', 'kept');
		cachePage('zh-hans/cases/removed/index.html', 'removed');
		cachePage('zh-hans/cases/rendered/index.html', 'rendered');
		writeManifest({
			'/zh-hans/cases/kept/': 'zh-hans/cases/kept/index.html',
			'/zh-hans/cases/removed/': 'zh-hans/cases/removed/index.html',
			'/zh-hans/cases/rendered/': 'zh-hans/cases/rendered/index.html',
		});
		const linked = linkCachedPages(cacheDir, staging)!;
		// The new build kept one page and rendered another without a key (so not in its manifest).
		writeManifest({ '/zh-hans/cases/kept/': 'zh-hans/cases/kept/index.html' });
		const rendered = path.join(staging, 'zh-hans/cases/rendered/index.html');
		expect(removeUnbuiltPages(linked, new Set([rendered]), cacheDir, staging)).toBe(1);
		expect(existsSync(path.join(staging, 'zh-hans/cases/kept/index.html'))).toBe(true);
		expect(existsSync(rendered)).toBe(true);
		expect(existsSync(path.join(staging, 'zh-hans/cases/removed'))).toBe(false);
		expect(existsSync(path.join(staging, 'zh-hans/cases'))).toBe(true);
	});
});
