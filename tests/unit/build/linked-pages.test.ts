import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	cachedPagesDir,
	linkCachedPages,
	linkCachedPagesInBackground,
	removeUnbuiltPages,
	replaceOnWrite,
} from '../../../src/lib/build/linked-pages.ts';
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

describe('replaceOnWrite', () => {
	it('makes a write to a linked page a new file: the cache copy keeps its bytes', async () => {
		const cached = cachePage('a/index.html', 'old');
		writeManifest({ '/a/': 'a/index.html' });
		linkCachedPages(cacheDir, staging);
		const page = path.join(staging, 'a/index.html');
		const guard = replaceOnWrite([staging, cachedPagesDir(cacheDir)]);
		try {
			await fs.promises.writeFile(pathToFileURL(page), 'new');
		} finally {
			guard.restore();
		}
		expect(readFileSync(page, 'utf8')).toBe('new');
		expect(readFileSync(cached, 'utf8')).toBe('old');
		expect([...guard.written]).toEqual([page]);
	});

	it('is what keeps the copies apart: without it the same write changes the cache copy too', async () => {
		const cached = cachePage('a/index.html', 'old');
		writeManifest({ '/a/': 'a/index.html' });
		linkCachedPages(cacheDir, staging);
		replaceOnWrite([staging]).restore();
		await fs.promises.writeFile(path.join(staging, 'a/index.html'), 'new');
		expect(readFileSync(cached, 'utf8')).toBe('new');
	});

	it("makes Astro's cache copy of a page it just wrote a link to that page, and a later render of either a new file", async () => {
		const page = path.join(staging, 'a/index.html');
		const copy = path.join(cachedPagesDir(cacheDir), 'a/index.html');
		mkdirSync(path.dirname(page), { recursive: true });
		mkdirSync(path.dirname(copy), { recursive: true });
		const guard = replaceOnWrite([staging, cachedPagesDir(cacheDir)], { pages: staging, cache: cachedPagesDir(cacheDir) });
		try {
			// As Astro writes a rendered page: the page, then the very same Buffer into its cache copy.
			const body = Buffer.from('<p>rendered</p>');
			await fs.promises.writeFile(pathToFileURL(page), body);
			await fs.promises.writeFile(pathToFileURL(copy), body);
			expect(statSync(copy).ino).toBe(statSync(page).ino);
			// The next render writes the page anew: the shared copy keeps its bytes until its own write.
			const next = Buffer.from('<p>again</p>');
			await fs.promises.writeFile(pathToFileURL(page), next);
			expect(readFileSync(copy, 'utf8')).toBe('<p>rendered</p>');
			await fs.promises.writeFile(pathToFileURL(copy), next);
		} finally {
			guard.restore();
		}
		expect(readFileSync(copy, 'utf8')).toBe('<p>again</p>');
		expect(statSync(copy).ino).toBe(statSync(page).ino);
	});

	it('writes a cache copy whose bytes are not the Buffer just written to its page', async () => {
		const page = path.join(staging, 'a/index.html');
		const copy = path.join(cachedPagesDir(cacheDir), 'a/index.html');
		const other = path.join(cachedPagesDir(cacheDir), 'b/index.html');
		for (const file of [page, copy, other]) mkdirSync(path.dirname(file), { recursive: true });
		const guard = replaceOnWrite([staging, cachedPagesDir(cacheDir)], { pages: staging, cache: cachedPagesDir(cacheDir) });
		try {
			const body = Buffer.from('page');
			await fs.promises.writeFile(page, body);
			// Equal bytes in another Buffer, and the same Buffer for another page: written, not linked.
			await fs.promises.writeFile(copy, Buffer.from('page'));
			await fs.promises.writeFile(other, body);
		} finally {
			guard.restore();
		}
		expect(statSync(copy).ino).not.toBe(statSync(page).ino);
		expect(statSync(other).ino).not.toBe(statSync(page).ino);
		expect(readFileSync(other, 'utf8')).toBe('page');
	});

	it('leaves writes outside its folders alone', async () => {
		const outside = path.join(work, 'elsewhere.txt');
		const guard = replaceOnWrite([staging]);
		try {
			await fs.promises.writeFile(outside, 'text');
		} finally {
			guard.restore();
		}
		expect(guard.written.size).toBe(0);
		expect(readFileSync(outside, 'utf8')).toBe('text');
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
