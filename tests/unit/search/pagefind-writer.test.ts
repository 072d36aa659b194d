/**
 * The index writer against Pagefind itself: the same records indexed by Pagefind's own
 * Node API and by pagefind-writer.ts must hold the same words, at the same positions, on
 * the same pages (by URL), with the same title positions, variants, filters and page lengths.
 * Pagefind's pages are named by its fragments; ours by page number (the writer writes no
 * fragments: the search page never fetches one).
 * This is what breaks first when a Pagefind upgrade changes how it files words.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_LANGUAGE, pageId, pageNumber } from '../../../src/lib/search/layout.ts';
import { decodePagefindPayload } from '../../../src/lib/search/pagefind-format.ts';
import { GzipPack } from '../../../src/lib/search/gzip-pack.ts';
import { pagefindRuntime } from '../../../src/lib/search/pagefind-runtime.ts';
import { compareCodePoints, pagefindWord, PagefindIndexWriter, roundWordCount, type IndexPage } from '../../../src/lib/search/pagefind-writer.ts';
import { foldText } from '../../../src/lib/search/fold.ts';
import { fullFoldMap } from '../../../src/lib/search/fold-table.ts';
import { charClass, indexWords } from '../../../src/lib/search/tokens.ts';

const fold = fullFoldMap();
const words = (text: string) => indexWords(foldText(text, fold)).join(' ');

/** Records with what matters: repeated words, fillers, digits and Latin, diacritics and Hangul (variants), title-only words. */
const PAGES: IndexPage[] = [
	{
		url: '/a/',
		content: words('村情报告会，村情报告会。2023年建成积分超市12个'),
		title: words('村情报告会'),
		filters: { year: ['2023'], method: ['b', 'a'] },
	},
	{ url: '/b/', content: words('Café crème 한국 마을 café，積分超市 PDF版'), title: words('café 한국'), filters: { year: ['2021'], method: ['a'] } },
	{ url: '/c/', content: words('屋场党建+三长制 résumé Ελλάδα 〇〇'), title: words('新题目 屋场'), filters: { year: ['2023'] } },
	{ url: '/d/', content: words('三长制'), title: '', filters: {} },
];

interface Decoded {
	/** word → url → [body positions, title positions] */
	words: Map<string, Map<string, [number[], number[]]>>;
	variants: Map<string, Map<string, Map<string, [number[], number[]]>>>;
	filters: Record<string, Record<string, string[]>>;
	wordCounts: Map<string, number>;
	metaFields: unknown;
	version: unknown;
	entry: unknown;
}

const read = (file: string) => decodePagefindPayload(gunzipSync(readFileSync(file)));

/** Positions from a location list: weight markers (negative) switch weight and start again from an absolute position. */
function positions(locs: number[], weights: Set<number>): number[] {
	const out: number[] = [];
	let last = 0;
	let absolute = false;
	for (const value of locs) {
		if (value < 0) {
			weights.add(-value - 1);
			absolute = true;
			continue;
		}
		last = absolute ? value : last + value;
		absolute = false;
		out.push(last);
	}
	return out;
}

function titlePositions(locs: number[]): number[] {
	const out: number[] = [];
	let last = 0;
	for (const value of locs) {
		if (value < 0) last = 0;
		else out.push((last += value));
	}
	return out;
}

/**
 * Decodes a bundle into what a search can see, pages named by URL: from their fragments, or
 * `pageUrls` by page number (our page ids, layout.ts `pageNumber`).
 */
function decode(dir: string, weights: Set<number>, pageUrls?: readonly string[]): Decoded {
	const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'));
	const language = Object.keys(entry.languages)[0]!;
	const meta = read(path.join(dir, `pagefind.${entry.languages[language].hash}.pf_meta`)) as [
		string,
		[string, number][],
		[string, string, string][],
		[string, string][],
		unknown,
		unknown,
	];
	const urls: string[] = [];
	const wordCounts = new Map<string, number>();
	for (const [hash, count] of meta[1]) {
		const url: string = pageUrls
			? pageUrls[pageNumber(hash)]!
			: JSON.parse(
					gunzipSync(readFileSync(path.join(dir, 'fragment', `${hash}.pf_fragment`)))
						.subarray(12)
						.toString(),
				).url;
		urls.push(url);
		wordCounts.set(url, count);
	}
	const pagesOf = (list: [number, number[], number[]?][]) => {
		const byUrl = new Map<string, [number[], number[]]>();
		let page = 0;
		for (const [delta, locs, metaLocs] of list) {
			page += delta;
			byUrl.set(urls[page]!, [positions(locs, weights), titlePositions(metaLocs ?? [])]);
		}
		return byUrl;
	};
	const decoded: Decoded = {
		words: new Map(),
		variants: new Map(),
		filters: {},
		wordCounts,
		metaFields: meta[5],
		version: meta[0],
		entry,
	};
	for (const [, , hash] of meta[2]) {
		const [chunk] = read(path.join(dir, 'index', `${hash}.pf_index`)) as [
			[string, [number, number[], number[]?][], [string, [number, number[], number[]?][]][]][],
		];
		for (const [word, pages, variants] of chunk) {
			decoded.words.set(word, pagesOf(pages));
			if (variants.length) decoded.variants.set(word, new Map(variants.map(([form, list]) => [form, pagesOf(list)])));
		}
	}
	for (const [name, hash] of meta[3]) {
		const [, values] = read(path.join(dir, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]];
		decoded.filters[name] = Object.fromEntries(values.map(([value, pages]) => [value, pages.map((page) => urls[page]!).sort()]));
	}
	return decoded;
}

describe('the index writer', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'pagefind-writer-'));
	let theirs: Decoded;
	let ours: Decoded;
	const theirWeights = new Set<number>();
	const ourWeights = new Set<number>();
	let chunks = 0;

	beforeAll(async () => {
		const { index, errors } = await pagefind.createIndex({});
		expect(errors).toEqual([]);
		for (const page of PAGES) {
			const added = await index!.addCustomRecord({
				url: page.url,
				content: page.content,
				language: INDEX_LANGUAGE,
				meta: { title: page.title },
				filters: page.filters as Record<string, string[]>,
			});
			expect(added.errors).toEqual([]);
		}
		expect((await index!.writeFiles({ outputPath: path.join(work, 'pagefind') })).errors).toEqual([]);
		await pagefind.close();
		theirs = decode(path.join(work, 'pagefind'), theirWeights);

		const writer = new PagefindIndexWriter({ outDir: path.join(work, 'ours'), language: INDEX_LANGUAGE, chunkSize: 20 });
		for (const [number, page] of PAGES.entries()) expect(writer.addPage(page)).toBe(pageId(number));
		chunks = (await writer.finish((await pagefindRuntime()).entry)).chunks;
		ours = decode(
			path.join(work, 'ours'),
			ourWeights,
			PAGES.map((page) => page.url),
		);
	}, 60_000);

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('files the same words at the same positions and title positions on the same pages', () => {
		expect(chunks).toBeGreaterThan(3);
		expect([...ours.words.keys()].sort()).toEqual([...theirs.words.keys()].sort());
		expect(ours.words).toEqual(theirs.words);
		expect(ours.words.get('村情')?.get('/a/')).toEqual([[0, 5], [0]]);
	});

	it('files words with marks under their bare form, their own form as a variant', () => {
		expect(theirs.variants.size).toBeGreaterThan(0);
		expect(ours.variants).toEqual(theirs.variants);
		expect(ours.variants.get('cafe')?.has('café')).toBe(true);
	});

	it('ranks every word alike: Pagefind gives all record words one weight, the writer leaves it implied', () => {
		expect([...theirWeights]).toEqual([24]);
		expect([...ourWeights]).toEqual([]);
	});

	it('writes the same filters, page lengths and entry, and no fragments', () => {
		expect(ours.filters).toEqual(theirs.filters);
		expect(existsSync(path.join(work, 'pagefind', 'fragment'))).toBe(true);
		expect(existsSync(path.join(work, 'ours', 'fragment'))).toBe(false);
		for (const [url, count] of theirs.wordCounts) expect(ours.wordCounts.get(url)).toBe(roundWordCount(count));
		expect(ours.metaFields).toEqual(theirs.metaFields);
		expect(ours.version).toEqual(theirs.version);
		// pf_meta is named by the language, not by a hash: each build has its own versioned folder.
		const hashless = (entry: unknown) => JSON.parse(JSON.stringify(entry).replace(/"hash":"[^"]*"/g, '"hash":""'));
		expect(hashless(ours.entry)).toEqual(hashless(theirs.entry));
		const files = (dir: string) => readdirSync(dir).filter((file) => file.endsWith('.pagefind'));
		expect(files(path.join(work, 'pagefind')).length).toBeGreaterThan(0);
	});
});

describe('the index writer at scale', () => {
	it('files 100,000 distinct one- and two-character words where they are (its short-word table grows many times)', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'pagefind-writer-many-'));
		try {
			// Page p holds the bigrams of characters (p, k) for k < 1,000, then the unigram of p, then a longer word.
			const han = (n: number) => String.fromCharCode(0x4e00 + n);
			const pages: IndexPage[] = Array.from({ length: 100 }, (_, p) => ({
				url: `/${p}/`,
				content: [...Array.from({ length: 1000 }, (_, k) => han(p) + han(1000 + k)), han(p), `word${p}`].join(' '),
				title: '',
				filters: {},
			}));
			const writer = new PagefindIndexWriter({ outDir: work, language: INDEX_LANGUAGE, chunkSize: 8000 });
			for (const page of pages) writer.addPage(page);
			const written = await writer.finish((await pagefindRuntime()).entry);
			const decoded = decode(
				work,
				new Set(),
				pages.map((page) => page.url),
			);
			expect(written.words).toBe(100 * 1002);
			expect(decoded.words.size).toBe(100 * 1002);
			for (const p of [0, 37, 99]) {
				for (const k of [0, 500, 999]) expect(decoded.words.get(han(p) + han(1000 + k))).toEqual(new Map([[`/${p}/`, [[k], []]]]));
				expect(decoded.words.get(han(p))).toEqual(new Map([[`/${p}/`, [[1000], []]]]));
				expect(decoded.words.get(`word${p}`)).toEqual(new Map([[`/${p}/`, [[1001], []]]]));
			}
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('the index writer, pages out of order', () => {
	it('writes the same files whether pages come in page order or not', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'pagefind-writer-order-'));
		try {
			const texts = ['村情报告会讲积分超市', '积分超市和屋场党建', '屋场党建+三长制，村情报告会', '三长制', '积分超市积分超市'];
			const pages: IndexPage[] = texts.map((text, i) => ({
				url: `/${i}/`,
				content: words(text),
				title: words(text.slice(0, 3)),
				filters: { year: [`${2020 + (i % 2)}`] },
			}));
			const write = async (dir: string, order: number[]) => {
				const writer = new PagefindIndexWriter({ outDir: path.join(work, dir), language: INDEX_LANGUAGE, chunkSize: 6 });
				for (const number of order) writer.addPage(pages[number]!, number);
				return writer.finish((await pagefindRuntime()).entry, true);
			};
			const inOrder = await write('in-order', [0, 1, 2, 3, 4]);
			const shuffled = await write('shuffled', [3, 0, 4, 2, 1]);
			expect(inOrder.chunks).toBeGreaterThan(2);
			const files = (dir: string) =>
				readdirSync(path.join(work, dir), { recursive: true, encoding: 'utf8' })
					.filter((name) => statSync(path.join(work, dir, name)).isFile())
					.sort()
					.map((name) => [name, readFileSync(path.join(work, dir, name)).toString('base64')]);
			expect(files('shuffled')).toEqual(files('in-order'));
			expect(shuffled.digest).toBe(inOrder.digest);
			expect(Buffer.from(shuffled.state!)).toEqual(Buffer.from(inOrder.state!));
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('compressing the index', () => {
	it('compresses a few chunks at a time, not all of them at once', async () => {
		const work = mkdtempSync(path.join(tmpdir(), 'pagefind-writer-'));
		try {
			const gzipPack = new GzipPack();
			const file = gzipPack.file.bind(gzipPack);
			let inFlight = 0;
			let most = 0;
			gzipPack.file = async (...args) => {
				most = Math.max(most, ++inFlight);
				try {
					return await file(...args);
				} finally {
					inFlight--;
				}
			};
			const writer = new PagefindIndexWriter({ outDir: work, language: INDEX_LANGUAGE, chunkSize: 4, gzipPack });
			for (let page = 0; page < 60; page++)
				writer.addPage({ url: `/${page}/`, content: words(`词${page}甲 词${page}乙 词${page}丙`), title: '', filters: {} });
			const written = await writer.finish((await pagefindRuntime()).entry);
			expect(written.chunks).toBeGreaterThan(20);
			expect(most).toBeGreaterThan(1);
			expect(most).toBeLessThanOrEqual(8);
			expect(readdirSync(path.join(work, 'index'))).toHaveLength(written.chunks);
		} finally {
			rmSync(work, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('index words', () => {
	it('are all words Pagefind keeps whole, whatever the character (every code point, folded)', () => {
		const alphanumeric = /^[\p{Alphabetic}\p{N}]$/u;
		const uppercase = /^\p{Uppercase}$/u;
		const bad: string[] = [];
		for (let code = 0; code <= 0x10ffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const char = foldText(String.fromCodePoint(code), fold);
			const kind = charClass(char);
			if ((kind === 'han' || kind === 'word') && (!alphanumeric.test(char) || uppercase.test(char))) bad.push(code.toString(16));
		}
		expect(bad).toEqual([]);
		expect(() => pagefindWord('a-b')).toThrow(/not a word Pagefind keeps whole/);
		expect(pagefindWord('|')).toBeUndefined();
		expect(pagefindWord('한국')).toEqual({ word: '한국'.normalize('NFD'), original: '한국' });
	});

	it('sort as Rust sorts strings: by code point, astral characters after the BMP', () => {
		const sorted = ['\u{20000}', '\uff01', 'a', '中'].sort(compareCodePoints);
		expect(sorted).toEqual(['a', '中', '\uff01', '\u{20000}']);
	});
});
