/**
 * The search step's record cache and gzip pack: a second index over the same sources takes
 * every record from the cache and every Pagefind file from the pack, and writes the same
 * bytes; after one case changes (and so its key), only that record is made again, only the
 * files that hold its words or results change, and the index equals one built with no cache
 * at all. So it does after a case is added and after one is removed, and a damaged record
 * or pack is made again rather than trusted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteFiles } from './site-files.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { StepCache } from '../../../src/lib/build/step-cache.ts';
import { digest } from '../../../src/lib/compendium/cache-key.ts';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { writeSearchIndex, writeSearchIndexFrom, type RecordSource } from '../../../src/lib/search/write-index.ts';
import type { Script } from '../../../src/schemas/script.ts';

const work = mkdtempSync(path.join(tmpdir(), 'record-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const context = {
	base: '/',
	convert: (text: string) => text,
	methodName: (slug: string) => ({ 'points-system': '积分制管理' })[slug],
	issueLabel: (id: string, script: Script) => `测试汇编 ${id} ${script}`,
};

/** Words only one case has, so that an edit leaves some chunks untouched. */
const OWN_WORDS = ['春耕备耕', '河长巡河', '乡贤议事', '垃圾分类', '文明实践', '数字乡村', '山塘水库', '非遗工坊'];

function documents(edited = false, count = 6): SearchDocument[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `case-${i}`,
		script: 'hans' as const,
		title: `案例${i}：网格化治理`,
		unit: '县委组织部',
		summary: '测试用的摘要。',
		body: edited && i === 3 ? '第三个案例改写后的正文，讲积分超市。' : `第${i}个案例的正文，讲屋场党建和三长制。${OWN_WORDS[i % OWN_WORDS.length]}`,
		regionCode: '330822',
		methods: ['points-system'],
		issues: ['issue-1'],
		date: `2024-0${i + 1}-01`,
		extra: [],
	}));
}

/** Sources keyed by a digest of the document, as the build keys them by what the record is made of. */
function sources(docs: SearchDocument[], made: string[]): RecordSource[] {
	return docs.map((doc) => ({
		id: doc.id,
		date: doc.date,
		key: digest('test', doc),
		document: () => {
			made.push(doc.id);
			return doc;
		},
	}));
}

/** A built index's files with the version folder left out of their names. */
function versionless(dir: string): Map<string, string> {
	const version = JSON.parse(readFileSync(path.join(dir, 'search-data', 'manifest.json'), 'utf8')).version as string;
	return new Map([...siteFiles(dir)].map(([name, bytes]) => [name.replace(`/${version}/`, '/'), bytes]));
}

describe('the record cache', () => {
	const caches = () => ({
		recordCache: new StepCache(path.join(work, 'cache')),
		gzipPackFile: path.join(work, 'cache', 'files.pack'),
		keptIndex: path.join(work, 'cache', 'kept'),
		chunkSize: 40,
	});

	it('reuses every record of unchanged cases, and only the changed case is made again', async () => {
		const made: string[] = [];
		const first = await writeSearchIndexFrom(sources(documents(), made), path.join(work, 'a'), context, caches());
		expect(first.records).toEqual({ reused: 0, built: 6 });
		expect(first.chunks).toBeGreaterThan(2);

		expect(first.gzip.reused).toBe(0);

		made.length = 0;
		const second = await writeSearchIndexFrom(sources(documents(), made), path.join(work, 'b'), context, caches());
		expect(second.records).toEqual({ reused: 6, built: 0 });
		expect(made).toEqual([]);
		// Every chunk, filter and pf_meta copied from the pack, none compressed again.
		expect(second.gzip).toEqual({ reused: first.gzip.compressed, compressed: 0 });
		expect(siteFiles(path.join(work, 'b'))).toEqual(siteFiles(path.join(work, 'a')));

		const third = await writeSearchIndexFrom(sources(documents(true), made), path.join(work, 'c'), context, caches());
		expect(third.records).toEqual({ reused: 5, built: 1 });
		expect(made).toEqual(['case-3']);
		// The unchanged chunks come from the pack; the edited case's words' chunks and pf_meta are compressed.
		expect(third.gzip.reused).toBeGreaterThan(0);
		expect(third.gzip.compressed).toBeLessThan(first.gzip.compressed);

		const clean = await writeSearchIndex(documents(true), path.join(work, 'clean'), context, { chunkSize: 40 });
		expect(clean.records).toEqual({ reused: 0, built: 6 });
		expect(siteFiles(path.join(work, 'c'))).toEqual(siteFiles(path.join(work, 'clean')));
		expect(siteFiles(path.join(work, 'c'))).not.toEqual(siteFiles(path.join(work, 'a')));

		// Only what holds the edited case changed: its results, the chunks of its words, pf_meta. No fragments are written.
		const before = versionless(path.join(work, 'a'));
		const after = versionless(path.join(work, 'c'));
		const changed = [...after].filter(([name, bytes]) => before.get(name) !== bytes).map(([name]) => name);
		expect(changed).toEqual(expect.arrayContaining(['search-data/hans/3.json', 'search-data/manifest.json']));
		expect([...after.keys()].filter((name) => name.includes('fragment'))).toEqual([]);
		expect(changed.filter((name) => /search-data\/han[st]\/\d/.test(name)).sort()).toEqual(['search-data/hans/3.json', 'search-data/hant/3.json']);
		const chunks = [...after.keys()].filter((name) => name.includes('/index/'));
		expect(changed.filter((name) => name.includes('/index/')).length).toBeLessThan(chunks.length);
	}, 120_000);

	it('writes what a clean build writes after a case is added, and after one is removed', async () => {
		const made: string[] = [];
		await writeSearchIndexFrom(sources(documents(), made), path.join(work, 'd'), context, caches());
		for (const [name, docs] of [
			['added', documents(false, 8)],
			['removed', documents(false, 5)],
			['both', [...documents(true, 8)].filter((doc) => doc.id !== 'case-1')],
		] as const) {
			made.length = 0;
			const incremental = await writeSearchIndexFrom(sources([...docs], made), path.join(work, `${name}-cached`), context, caches());
			const clean = await writeSearchIndex(docs, path.join(work, `${name}-clean`), context, { chunkSize: 40 });
			expect(incremental.records.built, name).toBeLessThan(clean.records.built);
			expect(siteFiles(path.join(work, `${name}-cached`)), name).toEqual(siteFiles(path.join(work, `${name}-clean`)));
		}
	}, 120_000);

	it('compresses everything again when the pack is damaged, and writes the same bytes', async () => {
		const docs = documents();
		await writeSearchIndexFrom(sources(docs, []), path.join(work, 'e'), context, caches());
		const pack = path.join(work, 'cache', 'files.pack');
		writeFileSync(pack, readFileSync(pack).subarray(0, 200));
		const damaged = await writeSearchIndexFrom(sources(docs, []), path.join(work, 'f'), context, caches());
		expect(damaged.gzip.reused).toBe(0);
		expect(siteFiles(path.join(work, 'f'))).toEqual(siteFiles(path.join(work, 'e')));
	}, 120_000);

	it('makes a damaged record again, and writes the same bytes', async () => {
		const docs = documents();
		const store = path.join(work, 'damaged-records');
		const options = () => ({ recordCache: new StepCache(store), chunkSize: 40 });
		await writeSearchIndexFrom(sources(docs, []), path.join(work, 'g'), context, options());
		const entries = readdirSync(store, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.record'));
		expect(entries).toHaveLength(docs.length);
		// One entry cut short inside its result files, one with a head that is not JSON.
		const [short, garbled] = entries.map((name) => path.join(store, name));
		writeFileSync(short!, readFileSync(short!).subarray(0, -10));
		const bytes = readFileSync(garbled!);
		bytes.write('{{', 4);
		writeFileSync(garbled!, bytes);
		const made: string[] = [];
		const again = await writeSearchIndexFrom(sources(docs, made), path.join(work, 'h'), context, options());
		expect(again.records).toEqual({ reused: docs.length - 2, built: 2 });
		expect(siteFiles(path.join(work, 'h'))).toEqual(siteFiles(path.join(work, 'g')));
	}, 120_000);
});

describe('the kept index', () => {
	const keptDir = path.join(work, 'kept-cache');
	const options = (chunkSize = 40) => ({
		recordCache: new StepCache(path.join(keptDir, 'records')),
		gzipPackFile: path.join(keptDir, 'files.pack'),
		keptIndex: path.join(keptDir, 'kept'),
		chunkSize,
	});
	const clean = async (docs: SearchDocument[], name: string, chunkSize = 40) => {
		await writeSearchIndex(docs, path.join(work, `${name}-clean`), context, { chunkSize });
		return siteFiles(path.join(work, `${name}-clean`));
	};
	/** An index over the kept index of the run before: its files, and how many pages it kept and made. */
	const rebuild = async (docs: SearchDocument[], name: string, chunkSize = 40) => {
		const made: string[] = [];
		const stats = await writeSearchIndexFrom(sources(docs, made), path.join(work, name), context, options(chunkSize));
		return { stats, made, files: siteFiles(path.join(work, name)) };
	};
	const resultFile = (dir: string, script: Script, id: string) => {
		const version = JSON.parse(readFileSync(path.join(work, dir, 'search-data', 'manifest.json'), 'utf8')).version as string;
		return path.join(work, dir, 'search-data', version, script, `${id}.json`);
	};

	it('keeps unchanged pages through an edit, an added and a removed case, writing what a clean build writes', async () => {
		rmSync(keptDir, { recursive: true, force: true });
		const cold = await rebuild(documents(false, 8), 'kept-cold');
		expect(cold.stats.kept).toBe(0);
		const again = await rebuild(documents(false, 8), 'kept-again');
		expect(again.stats.kept).toBe(8);
		expect(again.made).toEqual([]);
		expect(again.files).toEqual(cold.files);
		// Nothing changed: every chunk is the kept one, not encoded again.
		expect(cold.stats.keptChunks).toBe(0);
		expect(again.stats.keptChunks).toBe(again.stats.chunks);
		// Result files are hard links to the kept ones, not copies.
		expect(statSync(resultFile('kept-again', 'hant', '2')).nlink).toBeGreaterThan(1);

		const edited = await rebuild(documents(true, 8), 'kept-edited');
		expect(edited.stats.kept).toBe(7);
		expect(edited.made).toEqual(['case-3']);
		expect(edited.files).toEqual(await clean(documents(true, 8), 'kept-edited'));
		// Chunks without the edited case's old or new words are kept; those with them are written anew.
		expect(edited.stats.keptChunks).toBeGreaterThan(0);
		expect(edited.stats.keptChunks).toBeLessThan(edited.stats.chunks);

		// A case dated between others: every later page is renumbered, its result files named anew.
		const middle: SearchDocument = { ...documents()[0]!, id: 'case-middle', date: '2024-04-15', body: '插在中间的新案例，讲胡柚产业。' };
		const added = [...documents(true, 8), middle];
		const withMiddle = await rebuild(added, 'kept-added');
		expect(withMiddle.stats.kept).toBe(8);
		expect(withMiddle.made).toEqual(['case-middle']);
		expect(withMiddle.files).toEqual(await clean(added, 'kept-added'));
		expect(withMiddle.stats.keptChunks).toBe(0);

		const removed = added.filter((doc) => doc.id !== 'case-1' && doc.id !== 'case-6');
		const withoutTwo = await rebuild(removed, 'kept-removed');
		expect(withoutTwo.stats.kept).toBe(removed.length);
		expect(withoutTwo.files).toEqual(await clean(removed, 'kept-removed'));

		// The earlier outputs removed (as a build removes the site it replaced): the kept files stay whole.
		for (const name of ['kept-cold', 'kept-again', 'kept-edited', 'kept-added']) rmSync(path.join(work, name), { recursive: true, force: true });
		const afterRemoval = await rebuild(removed, 'kept-after-removal');
		expect(afterRemoval.stats.kept).toBe(removed.length);
		expect(afterRemoval.files).toEqual(withoutTwo.files);
	}, 120_000);

	it('keeps the chunks of an edited case whose words it files again unchanged', async () => {
		rmSync(keptDir, { recursive: true, force: true });
		const docs = documents(false, 8);
		await rebuild(docs, 'returned-cold');
		// A sentence added at the end: the case's other words keep their positions and so their entries.
		const appended = docs.map((doc, i) => (i === 5 ? { ...doc, body: `${doc.body}又建了非遗工坊。` } : doc));
		const edited = await rebuild(appended, 'returned-edited');
		expect(edited.made).toEqual(['case-5']);
		expect(edited.files).toEqual(await clean(appended, 'returned-edited'));
		// The case has words in every chunk: without its unchanged words kept, no chunk would be (about 19 of 28 are).
		expect(edited.stats.keptChunks).toBeGreaterThan(edited.stats.chunks / 2);
		// The same case rewritten whole: its words come back elsewhere, and their chunks are written anew.
		const rewritten = appended.map((doc, i) => (i === 5 ? { ...doc, title: '重写的标题', body: '全部重写的正文。' } : doc));
		const again = await rebuild(rewritten, 'returned-rewritten');
		expect(again.files).toEqual(await clean(rewritten, 'returned-rewritten'));
		expect(again.stats.keptChunks).toBeLessThan(edited.stats.keptChunks);
	}, 120_000);

	it('makes a page again when its kept result file is damaged or missing, and a whole index when the state is', async () => {
		rmSync(keptDir, { recursive: true, force: true });
		const docs = documents(false, 6);
		const first = await rebuild(docs, 'damage-first');
		const results = path.join(keptDir, 'kept', 'results');
		const kept = readdirSync(results, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
		expect(kept).toHaveLength(docs.length * 2);
		// One page's traditional result cut short, another's simplified one gone.
		const [short, gone] = kept.filter((name) => name.endsWith('.hant.json') || name.endsWith('.hans.json')).map((name) => path.join(results, name));
		writeFileSync(short!, readFileSync(short!).subarray(0, -3));
		rmSync(gone!);
		const repaired = await rebuild(docs, 'damage-repaired');
		expect(repaired.stats.kept).toBe(docs.length - (path.basename(short!).split('.')[0] === path.basename(gone!).split('.')[0] ? 1 : 2));
		expect(repaired.files).toEqual(first.files);
		// The damaged files were replaced: the next rebuild keeps every page.
		expect((await rebuild(docs, 'damage-next')).stats.kept).toBe(docs.length);

		const state = path.join(keptDir, 'kept', 'index.state');
		const bytes = readFileSync(state);
		bytes[bytes.length - 5]! ^= 0xff;
		writeFileSync(state, bytes);
		const garbled = await rebuild(docs, 'damage-state');
		expect(garbled.stats.kept).toBe(0);
		expect(garbled.files).toEqual(first.files);
		writeFileSync(state, readFileSync(state).subarray(0, 100));
		expect((await rebuild(docs, 'damage-short')).stats.kept).toBe(0);
	}, 120_000);

	it('is not used under other settings, nor kept for an index with variant words', async () => {
		rmSync(keptDir, { recursive: true, force: true });
		const docs = documents(false, 6);
		await rebuild(docs, 'settings-first');
		const other = await rebuild(docs, 'settings-other', 60);
		expect(other.stats.kept).toBe(0);
		expect(other.files).toEqual(await clean(docs, 'settings-other', 60));

		// Hangul is filed with a variant form (pagefind-writer.ts): such an index is written whole every time.
		const variants = docs.map((doc, i) => (i === 2 ? { ...doc, body: `${doc.body}한국 마을` } : doc));
		await rebuild(variants, 'variants-first');
		const again = await rebuild(variants, 'variants-again');
		expect(again.stats.kept).toBe(0);
		expect(again.files).toEqual(await clean(variants, 'variants'));
	}, 120_000);
});
