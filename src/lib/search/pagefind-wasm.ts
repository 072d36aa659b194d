/**
 * Pagefind's search, run on Pagefind's own wasm without pagefind.js: the search page needs
 * four of the wasm's calls (load pf_meta, which chunks a query needs, load a chunk, search),
 * and pagefind.js, 13 KB gzipped, mostly carries what it does not use (worker, fragments and
 * excerpts, filters, sorting, a gunzip in JavaScript). Without it the reader downloads that
 * much less before the first result, and the page fetches pf_meta and the wasm as soon as it
 * knows the index version (pagefind.js first fetches pagefind-entry.json, uncached).
 *
 * What a search does here is what pagefind.js 1.6 does for `search(term)` with no filters,
 * sort or ranking options, step by step (see `normalizeTerm`), so results and their order are
 * Pagefind's: tests/unit/search/pagefind-wasm.test.ts runs both on the same indexes. The
 * calls follow the wasm's wasm-bindgen interface of Pagefind 1.6 (pagefind-format.ts
 * SUPPORTED_PAGEFIND_VERSION; the index step refuses another version).
 *
 * Browser-safe and DOM-free: the files come from a loader (`fetch` in the browser, the file
 * system in tests), gunzipped with the platform's DecompressionStream (or fflate where there is none).
 */
import { pagefindPayload } from './pagefind-signature.ts';
import { INDEX_LANGUAGE } from './layout.ts';
import type { PagefindSearchApi, PagefindResponse } from './run.ts';

/** The bundle's pf_meta, under the index's language (pagefind-writer.ts names it so). */
export const PAGEFIND_META_FILE = `pagefind.${INDEX_LANGUAGE}.pf_meta`;
/** The wasm for a language without a stemmer: the one the entry file names for our index (`wasm: null`). */
export const PAGEFIND_WASM_FILE = 'wasm.unknown.pagefind';

/** A bundle file (a name relative to the bundle, e.g. `index/1a.pf_index`) as the server sends it. */
export type PagefindFileLoader = (name: string) => Promise<Response>;

/** A Pagefind file's content after gunzip (signature included); a file the server already unpacked is taken as it is. */
export async function readPagefindFile(response: Response, where: string): Promise<Uint8Array> {
	if (!response.ok || !response.body) throw new Error(`${where}: ${response.status}`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
	return gunzip(bytes);
}

/**
 * Gunzips with the browser's DecompressionStream; a browser without one (Safari before 16.4,
 * older in-app browsers: readers' phones) loads fflate's gunzip instead, about 3 KB, fetched
 * only there, so everyone else downloads nothing more.
 */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	if (typeof DecompressionStream !== 'function') {
		const { gunzipSync } = await import('fflate');
		return gunzipSync(bytes);
	}
	const unpacked = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(unpacked).arrayBuffer());
}

/** The wasm's exports used here (wasm-bindgen's ABI: strings and byte arrays are passed as pointer and length). */
interface PagefindExports {
	memory: WebAssembly.Memory;
	__wbindgen_externrefs: WebAssembly.Table;
	__wbindgen_start(): void;
	__wbindgen_malloc(size: number, align: number): number;
	__wbindgen_free(pointer: number, size: number, align: number): void;
	init_pagefind(pointer: number, length: number): number;
	load_index_chunk(state: number, pointer: number, length: number): number;
	request_indexes(state: number, pointer: number, length: number): [number, number];
	search(
		state: number,
		query: number,
		queryLength: number,
		original: number,
		originalLength: number,
		filter: number,
		filterLength: number,
		sort: number,
		sortLength: number,
		exact: number,
		exactDiacritics: number,
	): [number, number];
}

/**
 * Punctuation pagefind.js drops from a query, with its alternation as written there: any
 * Pe/Pf/Pi/Po anywhere in a grapheme, Pd at its start, Ps at its end (quotes, so, go too).
 * The connector characters the entry file lists as kept are none of these and have no case,
 * so keeping them, as pagefind.js does, changes nothing here.
 */
const DROPPED = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;
const EXACT = /^\s*".+"\s*$/;

function graphemes(text: string): string[] {
	if (typeof Intl.Segmenter === 'undefined') return [...text];
	return [...new Intl.Segmenter(INDEX_LANGUAGE, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/** Marks removed as pagefind.js removes them (kana voicing marks aside). */
function withoutDiacritics(word: string): string {
	const stripped = word.normalize('NFD').replace(/(?![\u3099\u309A])\p{M}/gu, '');
	return /[\u3099\u309A]/.test(stripped) ? stripped.normalize('NFC') : stripped;
}

/** What pagefind.js 1.6 hands the wasm for `term` under a language it does not segment: [term, original term]. */
export function normalizeTerm(term: string): [string, string] {
	const kept = graphemes(term)
		.filter((grapheme) => !DROPPED.test(grapheme))
		.map((grapheme) => grapheme.toLocaleLowerCase());
	const words = kept
		.join('')
		.replace(/\s{2,}/g, ' ')
		.trim()
		.split(' ')
		.map((original) => [original, withoutDiacritics(original)] as const)
		.filter(([, normalized]) => normalized.length > 0);
	return [words.map(([, normalized]) => normalized).join(' '), words.map(([original]) => original).join(' ')];
}

const encoder = new TextEncoder();
const textDecoder = new TextDecoder();
const RESULT = encoder.encode('{"p":"');
const SCORE = encoder.encode('"s":');
const NO_RESULTS = encoder.encode('"results":[]');
const QUOTE = 0x22;

/** Whether `bytes` holds `part` at `at`. */
function holds(bytes: Uint8Array, part: Uint8Array, at: number): boolean {
	for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
	return true;
}

/** The first `at` ≥ `from` where `bytes` holds `part`, or −1. */
function find(bytes: Uint8Array, part: Uint8Array, from: number): number {
	for (let at = bytes.indexOf(part[0]!, from); at !== -1; at = bytes.indexOf(part[0]!, at + 1)) if (holds(bytes, part, at)) return at;
	return -1;
}

/**
 * The results of the wasm's answer (JSON: `{…,"results":[{"p":id,"g":group,"s":score,"l":[…]}…],…}`),
 * in order, read from its bytes: the answer also lists every location of every match, megabytes
 * for a common word, which JSON.parse would make objects of. Only a result starts `{"p":"` (a
 * location starts `{"w":`); an answer with none must say `"results":[]`, or it is not understood.
 */
export function readResults(bytes: Uint8Array): PagefindResponse['results'] {
	const results: PagefindResponse['results'] = [];
	for (let at = find(bytes, RESULT, 0); at !== -1; at = find(bytes, RESULT, at)) {
		const start = at + RESULT.length;
		const end = bytes.indexOf(QUOTE, start);
		const scoreAt = end === -1 ? -1 : find(bytes, SCORE, end);
		if (scoreAt === -1) break;
		let scoreEnd = scoreAt + SCORE.length;
		while (scoreEnd < bytes.length && bytes[scoreEnd] !== 0x2c && bytes[scoreEnd] !== 0x7d) scoreEnd++;
		const score = Number(textDecoder.decode(bytes.subarray(scoreAt + SCORE.length, scoreEnd)));
		if (Number.isNaN(score)) break;
		results.push({ id: textDecoder.decode(bytes.subarray(start, end)), score });
		at = scoreEnd;
	}
	if (!results.length && find(bytes, NO_RESULTS, 0) === -1) throw new Error('Pagefind: an answer whose results the search page cannot read');
	return results;
}

/** The search API over one bundle: `search` as pagefind.js's, results with their ids (page numbers in base 36) and scores. */
export interface PagefindWasmSearch extends PagefindSearchApi {
	search(term: string): Promise<PagefindResponse>;
}

/** Opens a bundle: fetches pf_meta and the wasm side by side and starts Pagefind on them. */
export async function openPagefind(load: PagefindFileLoader): Promise<PagefindWasmSearch> {
	const read = (name: string) => load(name).then((response) => readPagefindFile(response, name));
	const [meta, wasm] = await Promise.all([read(PAGEFIND_META_FILE), read(PAGEFIND_WASM_FILE)]);
	const imports = {
		'./pagefind_web_bg.js': {
			// wasm-bindgen's table of JavaScript values: its four fixed slots.
			__wbindgen_init_externref_table() {
				const table = api.__wbindgen_externrefs;
				const offset = table.grow(4);
				table.set(0, undefined);
				table.set(offset, undefined);
				table.set(offset + 1, null);
				table.set(offset + 2, true);
				table.set(offset + 3, false);
			},
		},
	};
	const { instance } = await WebAssembly.instantiate(pagefindPayload(wasm, PAGEFIND_WASM_FILE).slice(), imports);
	// Read by the import above only once the wasm starts, below.
	const api = instance.exports as unknown as PagefindExports;
	api.__wbindgen_start();

	const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
	/** Copies bytes into wasm memory: [pointer, length]; the callee owns (and frees) them. */
	const pass = (bytes: Uint8Array): [number, number] => {
		const pointer = api.__wbindgen_malloc(bytes.length, 1) >>> 0;
		new Uint8Array(api.memory.buffer).set(bytes, pointer);
		return [pointer, bytes.length];
	};
	/** A string the wasm returned, freed once read. */
	const take = ([pointer, length]: [number, number]): string => {
		try {
			return decoder.decode(new Uint8Array(api.memory.buffer, pointer >>> 0, length));
		} finally {
			api.__wbindgen_free(pointer, length, 1);
		}
	};
	// The wasm's state: each call that changes it hands back its (possibly moved) pointer.
	let state = api.init_pagefind(...pass(pagefindPayload(meta, PAGEFIND_META_FILE))) >>> 0;

	const chunks = new Map<string, Promise<void>>();
	const loadChunk = (hash: string): Promise<void> => {
		let pending = chunks.get(hash);
		if (!pending) {
			pending = read(`index/${hash}.pf_index`).then((bytes) => {
				state = api.load_index_chunk(state, ...pass(pagefindPayload(bytes, hash))) >>> 0;
			});
			// A failed chunk is fetched again next time rather than remembered.
			pending.catch(() => chunks.delete(hash));
			chunks.set(hash, pending);
		}
		return pending;
	};

	return {
		async search(raw: string): Promise<PagefindResponse> {
			const exact = EXACT.test(raw);
			const [term, original] = normalizeTerm(raw);
			if (!term) return { results: [] };
			const needed = JSON.parse(take(api.request_indexes(state, ...pass(encoder.encode(term))))) as string[];
			await Promise.all(needed.filter(Boolean).map(loadChunk));
			const answer = api.search(
				state,
				...pass(encoder.encode(term)),
				...pass(encoder.encode(original)),
				...pass(encoder.encode('{}')),
				...pass(new Uint8Array()),
				exact ? 1 : 0,
				0,
			);
			try {
				return { results: readResults(new Uint8Array(api.memory.buffer, answer[0] >>> 0, answer[1])) };
			} finally {
				api.__wbindgen_free(answer[0], answer[1], 1);
			}
		},
	};
}
