/**
 * The page writer (page-writer.ts): Astro's page writes made by a worker thread. What a write
 * did when Node made it, it still does: the bytes land, a linked page is replaced rather than
 * written through, Astro's cache copy of the page it just wrote becomes a link to it, and a
 * failure fails the build, naming the file.
 */
import fs, { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagesWritten, writePagesInWorker, type PageWriter } from '../../../src/lib/build/page-writer.ts';

let work: string;
let pages: string;
let cache: string;
let writer: PageWriter | undefined;
const original = { writeFile: fs.promises.writeFile, mkdir: fs.promises.mkdir, copyFile: fs.promises.copyFile };

beforeEach(() => {
	work = mkdtempSync(path.join(tmpdir(), 'page-writer-'));
	pages = path.join(work, 'staging');
	cache = path.join(work, 'cache', 'dist');
	mkdirSync(pages, { recursive: true });
	mkdirSync(cache, { recursive: true });
});
afterEach(async () => {
	await writer?.close().catch(() => undefined);
	writer = undefined;
	rmSync(work, { recursive: true, force: true });
});

/** As Astro writes a rendered page: its folder, the page, then the very same Buffer into its cache copy. */
async function writeAsAstro(relative: string, body: Buffer): Promise<void> {
	await fs.promises.mkdir(pathToFileURL(path.dirname(path.join(pages, relative))), { recursive: true });
	await fs.promises.writeFile(pathToFileURL(path.join(pages, relative)), body);
	await fs.promises.mkdir(pathToFileURL(path.dirname(path.join(cache, relative))), { recursive: true });
	await fs.promises.writeFile(pathToFileURL(path.join(cache, relative)), body);
}

describe('writePagesInWorker', () => {
	it('writes pages into new folders, and each cache copy as a link to the page Astro just wrote', async () => {
		writer = writePagesInWorker({ pages, cache });
		for (let i = 0; i < 50; i++) await writeAsAstro(`zh-hans/cases/case-${i}/index.html`, Buffer.from(`<p>案例 ${i}</p>`));
		await writer.flush();
		for (const i of [0, 49]) {
			const page = path.join(pages, `zh-hans/cases/case-${i}/index.html`);
			const copy = path.join(cache, `zh-hans/cases/case-${i}/index.html`);
			expect(readFileSync(page, 'utf8')).toBe(`<p>案例 ${i}</p>`);
			expect(statSync(copy).ino).toBe(statSync(page).ino);
		}
		expect(writer.written.size).toBe(50);
		expect([...writer.written].every((file) => file.startsWith(pages + path.sep))).toBe(true);
	});

	it('replaces a page linked from the last build: the other copy keeps its bytes', async () => {
		const copy = path.join(cache, 'a/index.html');
		const page = path.join(pages, 'a/index.html');
		mkdirSync(path.dirname(copy), { recursive: true });
		mkdirSync(path.dirname(page), { recursive: true });
		writeFileSync(copy, 'old');
		fs.linkSync(copy, page);
		writer = writePagesInWorker({ pages, cache });
		await fs.promises.writeFile(pathToFileURL(page), Buffer.from('new'));
		await writer.flush();
		expect(readFileSync(page, 'utf8')).toBe('new');
		expect(readFileSync(copy, 'utf8')).toBe('old');
		// Astro's cache copy of it: the link to the new page replaces the old copy.
		await fs.promises.writeFile(pathToFileURL(copy), Buffer.from('new'));
		await writer.flush();
		expect(readFileSync(copy, 'utf8')).toBe('new');
	});

	it('writes a cache copy whose bytes are not the Buffer just written to its page, and takes a copy of the bytes at the call', async () => {
		writer = writePagesInWorker({ pages, cache });
		const body = Buffer.from('page');
		await fs.promises.writeFile(path.join(pages, 'a.html'), body);
		// Equal bytes in another Buffer, and the same Buffer for another page: written, not linked.
		await fs.promises.writeFile(path.join(cache, 'a.html'), Buffer.from('page'));
		await fs.promises.writeFile(path.join(cache, 'b.html'), body);
		body.write('PAGE');
		await writer.flush();
		expect(statSync(path.join(cache, 'a.html')).ino).not.toBe(statSync(path.join(pages, 'a.html')).ino);
		expect(statSync(path.join(cache, 'b.html')).ino).not.toBe(statSync(path.join(pages, 'a.html')).ino);
		expect(readFileSync(path.join(pages, 'a.html'), 'utf8')).toBe('page');
		expect(readFileSync(path.join(cache, 'b.html'), 'utf8')).toBe('page');
	});

	it("copies Astro's restored pages into place, and its text writes", async () => {
		const cached = path.join(cache, 'r/index.html');
		mkdirSync(path.dirname(cached), { recursive: true });
		writeFileSync(cached, 'restored');
		writer = writePagesInWorker({ pages, cache });
		await fs.promises.mkdir(path.join(pages, 'r'), { recursive: true });
		await fs.promises.copyFile(cached, path.join(pages, 'r/index.html'));
		await fs.promises.writeFile(path.join(pages, 'robots.txt'), '用户代理', 'utf8');
		await writer.close();
		expect(readFileSync(path.join(pages, 'r/index.html'), 'utf8')).toBe('restored');
		expect(statSync(path.join(pages, 'r/index.html')).ino).not.toBe(statSync(cached).ino);
		expect(readFileSync(path.join(pages, 'robots.txt'), 'utf8')).toBe('用户代理');
	});

	it("leaves Astro's bundled code and assets, other folders and other kinds of calls to Node", async () => {
		writer = writePagesInWorker({ pages, cache });
		const prerender = path.join(pages, '.prerender', 'chunks', 'x.mjs');
		await fs.promises.mkdir(path.dirname(prerender), { recursive: true });
		await fs.promises.writeFile(prerender, 'export {}');
		// Written when the call returns, as Astro expects before it imports the chunk.
		expect(readFileSync(prerender, 'utf8')).toBe('export {}');
		const outside = path.join(work, 'elsewhere.txt');
		await fs.promises.writeFile(outside, 'text');
		expect(readFileSync(outside, 'utf8')).toBe('text');
		const appended = path.join(pages, 'log.txt');
		await fs.promises.writeFile(appended, 'a', { flag: 'a' });
		expect(readFileSync(appended, 'utf8')).toBe('a');
		expect(writer.written.size).toBe(0);
		await writer.close();
		expect(fs.promises.writeFile).toBe(original.writeFile);
		expect(fs.promises.mkdir).toBe(original.mkdir);
		expect(fs.promises.copyFile).toBe(original.copyFile);
	});

	it('fails the flush, naming the file, when a write fails; pagesWritten fails with it', async () => {
		writer = writePagesInWorker({ pages });
		// A file where the page's folder should be: the folder cannot be made.
		writeFileSync(path.join(pages, 'zh-hans'), 'not a folder');
		await fs.promises.writeFile(path.join(pages, 'zh-hans', 'index.html'), Buffer.from('x'));
		await expect(pagesWritten()).rejects.toThrow(/无法写入 .*zh-hans\/index\.html（E[A-Z]+）/);
		// Later writes fail at once; Node's own calls are back after close.
		await expect(fs.promises.writeFile(path.join(pages, 'b.html'), Buffer.from('b'))).rejects.toThrow('无法写入');
		await expect(writer.close()).rejects.toThrow('zh-hans');
		expect(fs.promises.writeFile).toBe(original.writeFile);
		writer = undefined;
	});

	it('pagesWritten waits for every queued write, and answers at once without a writer', async () => {
		await expect(pagesWritten()).resolves.toBeUndefined();
		writer = writePagesInWorker({ pages });
		const big = Buffer.alloc(4 << 20, 'x');
		for (let i = 0; i < 20; i++) await fs.promises.writeFile(path.join(pages, `p${i}`, 'index.html'), big);
		await pagesWritten();
		for (let i = 0; i < 20; i++) expect(statSync(path.join(pages, `p${i}`, 'index.html')).size).toBe(big.length);
		expect(existsSync(path.join(pages, 'p20'))).toBe(false);
	});
});
