/**
 * The search page's Pagefind client (pagefind-wasm.ts) against Pagefind's own pagefind.js,
 * on the same indexes: every search must return the same pages, in the same order, with the
 * same scores, and every query the same answer through run.ts.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../../src/lib/build/static-server.ts';
import type { SearchDocument } from '../../../src/lib/search/document.ts';
import { parseFoldMap } from '../../../src/lib/search/fold.ts';
import { INDEX_LANGUAGE, PAGEFIND_DIR, SEARCH_DATA_DIR, type SearchManifest } from '../../../src/lib/search/layout.ts';
import { decodePagefindPayload, encodeCbor, withPagefindSignature, type CborValue } from '../../../src/lib/search/pagefind-format.ts';
import { normalizeTerm, openPagefind, readPagefindFile, readResults, type PagefindWasmSearch } from '../../../src/lib/search/pagefind-wasm.ts';
import { planQuery } from '../../../src/lib/search/query.ts';
import { matchPages, type PagefindSearchApi } from '../../../src/lib/search/run.ts';
import { writeSearchIndex } from '../../../src/lib/search/write-index.ts';
import { ISSUE_QUERIES } from './queries.ts';

/** The issue's phrases, a number, and a word with a diacritic (Pagefind files it bare, keeps it as a variant). */
const PHRASES = [...ISSUE_QUERIES.map(([hans]) => hans), '网格化管理', '2023年底', 'Café积分'];

/** Forty cases whose phrases repeat a different number of times in bodies of different lengths, so ranking has something to order. */
function documents(): SearchDocument[] {
	return Array.from({ length: 40 }, (_, i) => {
		const paragraphs: string[] = [];
		for (let j = 0; j < PHRASES.length; j++) {
			const times = (i * 3 + j * 5 + ((i * j) % 3)) % 4;
			for (let k = 0; k < times; k++) paragraphs.push(`第${k + 1}段，各地推进${PHRASES[j]}工作，群众满意度${(i * 7 + k) % 100}分。`);
		}
		for (let k = 0; k < i % 7; k++) paragraphs.push('基层治理需要耐心细致的日常工作和长期坚持。');
		return {
			id: `case-${i}`,
			script: 'hans',
			title: `案例${i}：${PHRASES[i % PHRASES.length]}的探索`,
			unit: '县委组织部',
			summary: '一个测试用的案例摘要。',
			body: paragraphs.join('\n'),
			regionCode: '330822',
			methods: ['points-system'],
			issues: ['issue-1'],
			date: `20${10 + (i % 15)}-0${(i % 9) + 1}-15`,
			extra: [],
		};
	});
}

const context = {
	base: '/',
	convert: (text: string) => text,
	methodName: () => '积分制管理',
	issueLabel: (id: string) => `测试汇编 ${id}`,
};

/** Raw searches, as run.ts makes them and some it does not: prefixes, exact phrases, missing words, case and punctuation. */
const TERMS = [
	'"积分 分超 超市"',
	'积分 分超 超市',
	'积',
	'村',
	'2023',
	'202',
	'café',
	'CAFÉ',
	'cafe',
	'"急难 难愁 愁盼"',
	'急难 难愁 愁盼 枫桥',
	'"告会 会x"',
	'告会',
	'网格 格化',
	'  "枫桥 桥经 经验"  ',
	'驿站！',
	'',
];

interface Opened {
	dir: string;
	server: StaticServer;
	scratch: string;
	theirs: PagefindSearchApi & { destroy(): Promise<void> };
	ours: PagefindWasmSearch;
	manifest: SearchManifest;
}

describe('the search page’s Pagefind client', () => {
	const opened: Opened[] = [];

	beforeAll(async () => {
		for (const chunkSize of [8_000, 60]) {
			const dir = mkdtempSync(path.join(tmpdir(), 'search-wasm-'));
			await writeSearchIndex(documents(), dir, context, { chunkSize });
			const manifest = JSON.parse(readFileSync(path.join(dir, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as SearchManifest;
			const server = await serveStatic(dir);
			// Node imports modules from files only: a copy of pagefind.js, pointed at the server.
			const scratch = mkdtempSync(path.join(tmpdir(), 'pagefind-node-'));
			copyFileSync(path.join(dir, PAGEFIND_DIR, 'pagefind.js'), path.join(scratch, 'pagefind.mjs'));
			const pagefind = (await import(pathToFileURL(path.join(scratch, 'pagefind.mjs')).href)) as {
				createInstance(options: { basePath: string; noWorker: boolean }): Opened['theirs'];
			};
			const bundle = `${server.url}${PAGEFIND_DIR}/${manifest.version}/`;
			const theirs = pagefind.createInstance({ basePath: bundle, noWorker: true });
			const ours = await openPagefind((name) => fetch(`${bundle}${name}`));
			opened.push({ dir, server, scratch, theirs, ours, manifest });
		}
	}, 120_000);

	afterAll(async () => {
		for (const { dir, server, scratch, theirs } of opened) {
			await theirs.destroy();
			await server.close();
			rmSync(dir, { recursive: true, force: true });
			rmSync(scratch, { recursive: true, force: true });
		}
	});

	it('hands the wasm the term pagefind.js would', () => {
		expect(normalizeTerm('"积分 分超"')).toEqual(['积分 分超', '积分 分超']);
		expect(normalizeTerm('  Café   超市！ ')).toEqual(['cafe 超市', 'café 超市']);
		expect(normalizeTerm('“ ”')).toEqual(['', '']);
	});

	it('reads result ids and scores from the wasm’s answer, and refuses an answer it does not understand', () => {
		const bytes = (json: string) => new TextEncoder().encode(json);
		const answer =
			'{"filtered_counts":{},"total_counts":{},"results":[{"p":"1a","g":"","s":2.5,"l":[{"w":25,"s":1.5,"l":3}]},{"p":"b","g":"","s":1e-3,"l":[]}]}';
		expect(readResults(bytes(answer))).toEqual([
			{ id: '1a', score: 2.5 },
			{ id: 'b', score: 0.001 },
		]);
		expect(readResults(bytes('{"filtered_counts":{},"total_counts":{},"results":[],"unfiltered_total":0}'))).toEqual([]);
		expect(() => readResults(bytes('{"hits":[{"page":"1a"}]}'))).toThrow(/cannot read/);
	});

	it('returns the same pages, order and scores as pagefind.js for every search', async () => {
		for (const { theirs, ours } of opened) {
			for (const term of TERMS) {
				const expected = (await theirs.search(term, {}))!.results.map(({ id, score }) => ({ id, score }));
				const found = (await ours.search(term)).results;
				expect(found, term).toEqual(expected);
			}
			// Ranking has something to order: the same search scores pages differently.
			const scores = (await ours.search('积分 分超 超市')).results.map((r) => r.score);
			expect(new Set(scores).size).toBeGreaterThan(3);
		}
	});

	it('fetches only the chunks holding the words searched, of an index in many chunks', async () => {
		const { server, manifest } = opened[1]!;
		const fetched: string[] = [];
		const fresh = await openPagefind((name) => {
			fetched.push(name);
			return fetch(`${server.url}${PAGEFIND_DIR}/${manifest.version}/${name}`);
		});
		await fresh.search('"积分 分超 超市"');
		const chunks = fetched.filter((name) => name.startsWith('index/'));
		expect(chunks.length).toBeGreaterThan(0);
		expect(chunks.length).toBeLessThanOrEqual(3);
	});

	it('finds the same with pf_meta’s chunk ranges as written as with each starting at the chunk’s first word (Pagefind’s)', async () => {
		const { dir, manifest } = opened[1]!;
		// The same index, its pf_meta with every chunk's range starting at the chunk's first word.
		const full = mkdtempSync(path.join(tmpdir(), 'search-wasm-ranges-'));
		const served: StaticServer[] = [];
		try {
			const bundle = path.join(dir, PAGEFIND_DIR, manifest.version);
			cpSync(bundle, full, { recursive: true });
			const read = (file: string) => decodePagefindPayload(gunzipSync(readFileSync(path.join(full, file)))) as CborValue[];
			const metaFile = `pagefind.${INDEX_LANGUAGE}.pf_meta`;
			const meta = read(metaFile);
			const chunks = meta[2] as [string, string, string][];
			const words: string[] = [];
			let moved = 0;
			for (const chunk of chunks) {
				const chunkWords = (read(`index/${chunk[2]}.pf_index`)[0] as [string][]).map(([word]) => word);
				expect(chunk[1]).toBe(chunkWords.at(-1));
				if (chunk[0] !== chunkWords[0]) {
					moved++;
					expect(chunk[0]).toBe(`${words.at(-1)}\0`);
				}
				chunk[0] = chunkWords[0]!;
				words.push(...chunkWords);
			}
			expect(chunks.length).toBeGreaterThan(20);
			expect(moved).toBeGreaterThan(chunks.length / 2);
			expect(moved).toBeLessThan(chunks.length);
			writeFileSync(path.join(full, metaFile), gzipSync(withPagefindSignature(encodeCbor(meta))));
			const servers = [await serveStatic(bundle), await serveStatic(full)];
			served.push(...servers);
			// Every word, each of its beginnings (prefix searches, most of them in no chunk), each phrase of two.
			const terms = new Set<string>();
			for (const word of words) {
				const chars = [...word];
				for (let length = 1; length <= chars.length; length++) terms.add(chars.slice(0, length).join(''));
			}
			for (let i = 1; i < words.length; i += 3) terms.add(`"${words[i - 1]} ${words[i]}"`);
			expect(terms.size).toBeGreaterThan(words.length);
			const [ours, pagefindWay] = await Promise.all(servers.map((server) => openPagefind((name) => fetch(`${server.url}${name}`))));
			for (const term of terms) expect((await ours!.search(term)).results, term).toEqual((await pagefindWay!.search(term)).results);
		} finally {
			for (const server of served) await server.close();
			rmSync(full, { recursive: true, force: true });
		}
	}, 120_000);

	it('hands the search page the ranking before the matching search runs, and answers alike', async () => {
		const { ours, manifest } = opened[0]!;
		const plan = planQuery('积分超市', parseFoldMap(manifest.fold));
		const calls: string[] = [];
		const watched: PagefindSearchApi = {
			search: async (term) => {
				const response = await ours.search(term);
				calls.push(term);
				return response;
			},
		};
		let ranking: readonly number[] = [];
		const pages = await matchPages(watched, plan, true, (ranked) => {
			ranking = ranked;
			calls.push('ranking seen');
		});
		expect(calls).toEqual([plan.rank, 'ranking seen', plan.match]);
		expect(pages![0]).toBe(ranking[0]);
	});

	it('gives run.ts the same answer to each query, ranked and not', async () => {
		for (const { theirs, ours, manifest } of opened) {
			const fold = parseFoldMap(manifest.fold);
			for (const query of [...PHRASES, '积分 超市', '爱', '2023', '超市积分', '五面红旗 枫桥']) {
				const plan = planQuery(query, fold);
				for (const ranked of [true, false]) {
					const expected = await matchPages(theirs, plan, ranked);
					expect(await matchPages(ours, plan, ranked), query).toEqual(expected);
					if (query === '积分超市') expect(expected?.length).toBeGreaterThan(5);
				}
			}
		}
	});
});

describe('a gzipped Pagefind file', () => {
	const text = new TextEncoder().encode('pagefind_dcd'.repeat(200) + '网格化管理');
	const response = () => new Response(gzipSync(text));

	it('is unpacked by the browser’s DecompressionStream, and by fflate where there is none (older phones)', async () => {
		expect(await readPagefindFile(response(), 'meta')).toEqual(text);
		const native = globalThis.DecompressionStream;
		try {
			// @ts-expect-error: a browser without the API
			delete globalThis.DecompressionStream;
			expect(typeof globalThis.DecompressionStream).toBe('undefined');
			expect(await readPagefindFile(response(), 'meta')).toEqual(text);
		} finally {
			globalThis.DecompressionStream = native;
		}
	});

	it('is taken as it is when the server already unpacked it, and a failed download names the file', async () => {
		expect(await readPagefindFile(new Response(text), 'meta')).toEqual(text);
		await expect(readPagefindFile(new Response('', { status: 404 }), 'index/1.pf_index')).rejects.toThrow('index/1.pf_index: 404');
	});
});
