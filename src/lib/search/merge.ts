/**
 * Merges Pagefind indexes built separately (shards) into one index, as if Pagefind had
 * built it in one go.
 *
 * Why: a Pagefind session holds every page's word map until it writes, about 0.4 KB per
 * indexed word, so 10,000 cases (17 million words) need 7 GiB in one session. Built in
 * shards of a few million words, each session stays under 2 GiB; the merge streams
 * through the shards' sorted word chunks and never holds more than one chunk per shard.
 *
 * pf_meta is what every reader downloads before the first result, and at 10,000 pages
 * its page table dominates it. So while merging, pages are also
 * - renumbered into a caller-given order (by date: the page number is the date rank, and
 *   the search page sorts by it, so no sort table is needed),
 * - renamed to short ids (the page number in base 36; fragments are written without
 *   their content, which the search page never fetches: it has its own result files),
 * - given their word count to a quarter of a binary order of magnitude (it only scales
 *   ranking by page length, and rounded it compresses to almost nothing),
 * and the word index is re-chunked to `chunkSize` locations per chunk. Files get short
 * names (chunks numbered, filters by name): the caller writes each build into its own
 * versioned directory, so names need not change with content to defeat stale caches.
 *
 * The file format (and the Pagefind version it is known for) is in pagefind-format.ts.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
	CborReader,
	RawCbor,
	arrayHeadAt,
	arrayHeader,
	checkPagefindVersion,
	decodeCbor,
	encodeCbor,
	pagefindPayload,
	withPagefindSignature,
	type CborValue,
} from './pagefind-format.ts';
import { pageId } from './layout.ts';

/** A Pagefind file's content without its gzip layer and signature. */
export function readPagefindFile(file: string): Uint8Array {
	return pagefindPayload(gunzipSync(readFileSync(file)), file);
}

/** A Pagefind file's bytes as written: signature and payload, gzipped. */
export function pagefindFileBytes(payload: Uint8Array): Buffer {
	return gzipSync(withPagefindSignature(payload), { level: 9 });
}

/** Rust orders strings by their UTF-8 bytes; so must we, or the browser's chunk lookup misses words. */
function compareUtf8(a: Buffer, b: Buffer): number {
	return Buffer.compare(a, b);
}

interface Entry {
	language: string;
	hash: string;
	wasm: string | null;
	page_count: number;
}

interface EntryFile {
	version: string;
	languages: Record<string, Entry>;
	[key: string]: unknown;
}

function readEntry(bundleDir: string): { entryFile: EntryFile; language: string; entry: Entry } {
	const entryFile = JSON.parse(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as EntryFile;
	checkPagefindVersion(entryFile.version, bundleDir);
	const languages = Object.entries(entryFile.languages);
	if (languages.length !== 1)
		throw new Error(`${bundleDir}: expected one language per shard, found ${languages.map(([l]) => l).join(', ') || 'none'}`);
	const [language, entry] = languages[0]!;
	return { entryFile, language, entry: { ...entry, language } };
}

const asArray = (value: CborValue, what: string): CborValue[] => {
	if (!Array.isArray(value)) throw new Error(`Pagefind index: expected ${what} to be an array`);
	return value;
};

interface Shard {
	dir: string;
	meta: CborValue[];
	/** Shard page number → merged page number. */
	pageMap: number[];
}

/** A word's entry on one page: merged page number, then its location lists, still encoded. */
type WordPage = [page: number, locs: RawCbor, metaLocs: RawCbor];

interface WordPages {
	pages: WordPage[];
	variants: Map<string, WordPage[]>;
	/** Locations, as Pagefind counts them for chunk sizes. */
	locations: number;
}

const rawLength = (raw: RawCbor) => arrayHeadAt(raw.bytes).length;

/** Reads one word's page list: page numbers are delta-encoded. */
function readPages(reader: CborReader, pageMap: number[], into: WordPages): WordPage[] {
	const pages: WordPage[] = [];
	let page = 0;
	const count = reader.arrayLength();
	for (let i = 0; i < count; i++) {
		const fields = reader.arrayLength();
		page += reader.uint();
		const locs = reader.raw();
		const metaLocs = fields > 2 ? reader.raw() : new RawCbor(new Uint8Array([0x80]));
		for (let extra = 3; extra < fields; extra++) reader.raw();
		const merged = pageMap[page];
		if (merged === undefined) throw new Error(`Pagefind index: a word refers to page ${page}, which its shard does not have`);
		into.locations += rawLength(locs) + rawLength(metaLocs) + 1;
		pages.push([merged, locs, metaLocs]);
	}
	return pages;
}

/** The weight marker every location list of a custom record starts with (-25: weight 24, "1.0"). */
const RECORD_WEIGHT_MARKER = [0x38, 0x18];

/**
 * A location list without its leading weight marker, when that is its only one. Every
 * word of our records has the same weight, so reading them all at Pagefind's default
 * (25 instead of 24) ranks pages exactly alike, and saves two bytes per word per page:
 * about a fifth of what a query downloads.
 */
function withoutWeightMarker(locs: RawCbor): RawCbor {
	const bytes = locs.bytes;
	const { length, headSize: headerSize } = arrayHeadAt(bytes);
	if (length < 2 || bytes[headerSize] !== RECORD_WEIGHT_MARKER[0] || bytes[headerSize + 1] !== RECORD_WEIGHT_MARKER[1]) return locs;
	// Another marker later in the list (a weighted word): keep the list as it is.
	for (let i = headerSize + 2; i < bytes.length;) {
		const initial = bytes[i]!;
		if (initial >> 5 !== 0) return locs;
		const info = initial & 31;
		i += 1 + (info < 24 ? 0 : info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8);
	}
	return new RawCbor(Buffer.concat([arrayHeader(length - 1), bytes.subarray(headerSize + 2)]));
}

function deltaPages(pages: WordPage[]): CborValue[] {
	pages.sort((a, b) => a[0] - b[0]);
	let previous = 0;
	return pages.map(([page, locs, metaLocs]) => {
		const delta = page - previous;
		previous = page;
		// Empty meta locations may be left out: Pagefind reads them only when present.
		return rawLength(metaLocs) ? [delta, withoutWeightMarker(locs), metaLocs] : [delta, withoutWeightMarker(locs)];
	});
}

/** Streams a shard's words in index order, one chunk file in memory at a time. */
function* shardWords(shard: Shard): Generator<{ key: Buffer; word: string; data: WordPages }> {
	for (const chunk of asArray(shard.meta[2]!, 'the index chunk list')) {
		const [, , hash] = asArray(chunk, 'an index chunk');
		const reader = new CborReader(readPagefindFile(path.join(shard.dir, 'index', `${hash as string}.pf_index`)));
		reader.arrayLength();
		const words = reader.arrayLength();
		for (let w = 0; w < words; w++) {
			const fields = reader.arrayLength();
			const word = reader.text();
			const data: WordPages = { pages: [], variants: new Map(), locations: 0 };
			data.pages = readPages(reader, shard.pageMap, data);
			if (fields > 2) {
				const variants = reader.arrayLength();
				for (let v = 0; v < variants; v++) {
					reader.arrayLength();
					const form = reader.text();
					data.variants.set(form, readPages(reader, shard.pageMap, data));
				}
			}
			yield { key: Buffer.from(word, 'utf8'), word, data };
		}
	}
}

/** What to merge, where to write it, and how to order and chunk the merged index. */
export interface MergeOptions {
	/** Shard bundle directories as written by Pagefind's writeFiles. */
	shards: string[];
	/** The merged bundle's directory: one per build (see above). */
	outDir: string;
	/** Where each page (by its URL) goes in the merged order, 0-based. */
	pageOrder: (url: string) => number;
	/** Locations per word chunk; Pagefind's own default is 20,000. */
	chunkSize: number;
}

/** The merged index's page ids by URL, with its page and word-chunk counts. */
export interface MergeResult {
	/** Merged page id (the Pagefind result id) by page URL. */
	ids: Map<string, string>;
	pages: number;
	chunks: number;
}

/** Word counts rounded to a power of √2: within 19% of the true length. */
export function roundWordCount(count: number): number {
	if (count <= 1) return count;
	return Math.round(2 ** (Math.round(Math.log2(count) * 2) / 2));
}

/** Identifies a set of shards: changes whenever any shard's index does. */
export function shardsKey(shardDirs: readonly string[]): string {
	return shardDirs.map((dir) => readEntry(dir).entry.hash).join(',');
}

/** Merges the shard bundles into one bundle in `outDir` (see above); throws when the shards' languages differ or `pageOrder` is not a permutation. */
export function mergePagefindShards(options: MergeOptions): MergeResult {
	const { shards: shardDirs, outDir, chunkSize } = options;
	if (!shardDirs.length) throw new Error('search index: no shards to merge');
	mkdirSync(path.join(outDir, 'index'), { recursive: true });
	mkdirSync(path.join(outDir, 'filter'), { recursive: true });
	mkdirSync(path.join(outDir, 'fragment'), { recursive: true });

	const first = readEntry(shardDirs[0]!);
	const shards: Shard[] = [];
	const totalPages = shardDirs.reduce((sum, dir) => sum + readEntry(dir).entry.page_count, 0);
	const mergedPages: CborValue[] = new Array(totalPages);
	const ids = new Map<string, string>();
	let metaFields = new Set<string>();
	let version = '';

	// Pages: renumber into the caller's order, rename fragments to short ids.
	for (const dir of shardDirs) {
		const { entry } = readEntry(dir);
		if (entry.language !== first.language) throw new Error(`${dir}: shard language ${entry.language} differs from ${first.language}`);
		const meta = asArray(decodeCbor(readPagefindFile(path.join(dir, `pagefind.${entry.hash}.pf_meta`))), 'pf_meta');
		version = meta[0] as string;
		const pageMap: number[] = [];
		for (const page of asArray(meta[1]!, 'the page list')) {
			const [hash, wordCount, ...rest] = asArray(page, 'a page');
			const fragmentFile = path.join(dir, 'fragment', `${hash as string}.pf_fragment`);
			const fragment = JSON.parse(Buffer.from(readPagefindFile(fragmentFile)).toString('utf8')) as { url: string; content: string };
			const position = options.pageOrder(fragment.url);
			if (position < 0 || position >= totalPages || mergedPages[position] !== undefined) {
				throw new Error(`search index: page order gave position ${position} for ${fragment.url}, which is out of range or taken`);
			}
			const id = pageId(position);
			fragment.content = '';
			writeFileSync(path.join(outDir, 'fragment', `${id}.pf_fragment`), pagefindFileBytes(Buffer.from(JSON.stringify(fragment))));
			mergedPages[position] = [id, roundWordCount(wordCount as number), ...rest];
			ids.set(fragment.url, id);
			pageMap.push(position);
		}
		for (const field of asArray(meta[5] ?? [], 'meta fields')) metaFields.add(field as string);
		shards.push({ dir, meta, pageMap });
	}
	metaFields = new Set([...metaFields].sort());

	// Words: k-way merge of the shards' sorted streams, re-chunked.
	const chunkList: [string, string, string][] = [];
	let pending: CborValue[] = [];
	let pendingFrom = '';
	let pendingTo = '';
	let pendingLocs = 0;
	const flush = () => {
		if (!pending.length) return;
		const payload = encodeCbor([pending]);
		const name = chunkList.length.toString(36);
		writeFileSync(path.join(outDir, 'index', `${name}.pf_index`), pagefindFileBytes(payload));
		chunkList.push([pendingFrom, pendingTo, name]);
		pending = [];
		pendingLocs = 0;
	};
	const streams = shards.map((shard) => shardWords(shard));
	const heads = streams.map((stream) => stream.next());
	for (;;) {
		let smallest: Buffer | undefined;
		for (const head of heads) {
			if (!head.done && (!smallest || compareUtf8(head.value.key, smallest) < 0)) smallest = head.value.key;
		}
		if (!smallest) break;
		const merged: WordPages = { pages: [], variants: new Map(), locations: 0 };
		let word = '';
		heads.forEach((head, i) => {
			if (head.done || compareUtf8(head.value.key, smallest!) !== 0) return;
			word = head.value.word;
			merged.pages.push(...head.value.data.pages);
			merged.locations += head.value.data.locations;
			for (const [form, pages] of head.value.data.variants) merged.variants.set(form, [...(merged.variants.get(form) ?? []), ...pages]);
			heads[i] = streams[i]!.next();
		});
		if (!pending.length) pendingFrom = word;
		pendingTo = word;
		pending.push([word, deltaPages(merged.pages), [...merged.variants].map(([form, pages]) => [form, deltaPages(pages)])]);
		pendingLocs += merged.locations;
		if (pendingLocs >= chunkSize) flush();
	}
	flush();

	// Filters: the same values across shards, page lists renumbered and joined.
	const filterValues = new Map<string, Map<string, number[]>>();
	for (const shard of shards) {
		for (const filter of asArray(shard.meta[3]!, 'the filter list')) {
			const [name, hash] = asArray(filter, 'a filter');
			const decoded = asArray(decodeCbor(readPagefindFile(path.join(shard.dir, 'filter', `${hash as string}.pf_filter`))), 'a filter file');
			const values = filterValues.get(name as string) ?? new Map<string, number[]>();
			for (const value of asArray(decoded[1]!, 'filter values')) {
				const [text, pages] = asArray(value, 'a filter value');
				const list = values.get(text as string) ?? [];
				for (const page of asArray(pages!, 'filter pages')) list.push(shard.pageMap[page as number]!);
				values.set(text as string, list);
			}
			filterValues.set(name as string, values);
		}
	}
	const filterList: CborValue[] = [];
	for (const name of [...filterValues.keys()].sort((a, b) => compareUtf8(Buffer.from(a), Buffer.from(b)))) {
		const values = [...filterValues.get(name)!]
			.sort(([a], [b]) => compareUtf8(Buffer.from(a), Buffer.from(b)))
			.map(([value, pages]) => [value, pages.sort((a, b) => a - b)]);
		const payload = encodeCbor([name, values]);
		const file = name.replace(/[^a-z0-9_-]/gi, '_');
		writeFileSync(path.join(outDir, 'filter', `${file}.pf_filter`), pagefindFileBytes(payload));
		filterList.push([name, file]);
	}

	// No sorts: the page number is the caller's order (see above).
	const meta = encodeCbor([version, mergedPages, chunkList, filterList, [], [...metaFields]]);
	writeFileSync(path.join(outDir, `pagefind.${first.language}.pf_meta`), pagefindFileBytes(meta));
	const entryFile: EntryFile = {
		...first.entryFile,
		languages: { [first.language]: { hash: first.language, wasm: first.entry.wasm, page_count: totalPages } as Entry },
	};
	writeFileSync(path.join(outDir, 'pagefind-entry.json'), JSON.stringify(entryFile));
	for (const file of readdirSync(shardDirs[0]!)) {
		if (file.endsWith('.pagefind')) copyFileSync(path.join(shardDirs[0]!, file), path.join(outDir, file));
	}
	return { ids, pages: totalPages, chunks: chunkList.length };
}
