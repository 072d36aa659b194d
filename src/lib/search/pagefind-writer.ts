/**
 * Writes a Pagefind index straight from our records, in one pass, without a Pagefind
 * session: the files Pagefind's own indexer would write for the same records, in the
 * format pagefind-format.ts describes, with four changes of ours that pf_meta (what every
 * reader downloads first) needs at 10,000 pages:
 * - pages are numbered in the order they are added (by date: the page number is the date
 *   rank, and the search page sorts by it) and named by that number in decimal,
 * - a page's word count in pf_meta is rounded to a quarter of a binary order of magnitude
 *   (it only scales ranking by page length; rounded it compresses to almost nothing),
 *   and no fragments are written (the search page shows results from its own result
 *   files and never calls a result's `data()`, the one thing that fetches a fragment),
 * - words are chunked at `chunkSize` locations, chunks and filters get short names (each
 *   build lives in its own versioned directory), and a location list loses its leading
 *   weight marker when every location has the record weight (ranking alike, two bytes
 *   less per word per page),
 * - most chunks' ranges in pf_meta start right after the previous chunk's last word rather
 *   than at their own first word (chunk-bounds.ts: smaller, and the same results).
 *
 * What Pagefind does to a record, reproduced here (Pagefind 1.6; the unit tests check it
 * against Pagefind's own output): the content is split at spaces, each part a word at the
 * next position; a word keeps its letters and digits, lower-cased (tokens.ts already
 * makes words of nothing else); a word with diacritics or a decomposable character is
 * filed under its form without marks and keeps its own form as a variant. Title words are
 * also indexed as the meta field `title`, at their positions in the title.
 *
 * Memory: per word a few numbers, and every (word, page) entry already encoded, in one
 * growing byte log: about 4 bytes per word position, some 70 MB at 10,000 cases.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkName, metaChunkList } from './chunk-bounds.ts';
import { GzipPack, payloadDigest, type Encoder } from './gzip-pack.ts';
import { CborWriter, encodeCbor, type CborValue } from './pagefind-format.ts';
import { FileQueue } from './file-queue.ts';

const encoder = new TextEncoder();
const textDecoder = new TextDecoder();
import { pageId } from './layout.ts';
import { FILLER } from './tokens.ts';

/** A page as the writer takes it. */
export interface IndexPage {
	url: string;
	/** Index words (tokens.ts) separated by single spaces: a word's place is its position. */
	content: string;
	/** Title words, separated by single spaces: the meta field `title`. */
	title: string;
	/** Filter values by filter name. */
	filters: Readonly<Record<string, readonly string[]>>;
}

/** What Pagefind's runtime needs from the entry file besides the language (pagefind-runtime.ts). */
export interface EntryBase {
	version: string;
	[key: string]: unknown;
}

/** Where the index goes and how it is chunked. */
export interface WriterOptions {
	/** The bundle directory (one per build). */
	outDir: string;
	/** The language the index is filed under (layout.ts INDEX_LANGUAGE). */
	language: string;
	/** Word locations per chunk, counted as Pagefind counts them. */
	chunkSize: number;
	/** Files gzipped by the previous build, to copy rather than compress again; none: every file is compressed. */
	gzipPack?: GzipPack;
}

/** What was written. */
export interface WrittenIndex {
	pages: number;
	chunks: number;
	words: number;
	/** Word positions across all pages (each page's content words). */
	positions: number;
	/** A digest of every file `finish` wrote (names and content). */
	digest: string;
	/** Every entry of the index, for `seed` (when asked for, and the index has no variants). */
	state?: Uint8Array;
	/** The chunks written, for `seed` along with `state`. */
	chunkNotes?: ChunkNote[];
	/** Chunks taken whole from the seeded index (not encoded). */
	keptChunks: number;
}

/**
 * A chunk as an index kept it: its first and last word, how many words, and its payload's
 * digest (gzip-pack.ts). A rebuild whose chunk has the same words, none of them changed, has
 * the same payload: it takes the file from the gzip pack by this digest without encoding it.
 */
export interface ChunkNote {
	from: string;
	to: string;
	words: number;
	digest: string;
}

/** The one meta field our records have. */
const META_FIELDS = ['title'] as const;

const isAscii = (text: string) => {
	for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
	return true;
};
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{Alphabetic}\p{N}]/u;
const UPPERCASE = /\p{Uppercase}/u;

/**
 * How Pagefind files one index word: under `word`, and as the variant `original` when
 * the word had marks to strip. Undefined for a filler (nothing to index). Throws for a word
 * Pagefind would split into parts, which tokens.ts never makes.
 */
export function pagefindWord(token: string): { word: string; original?: string } | undefined {
	if (token === FILLER || token === '') return undefined;
	if (NOT_WORD.test(token) || UPPERCASE.test(token.slice(1))) {
		throw new Error(`search index: "${token}" is not a word Pagefind keeps whole; index words come from tokens.ts`);
	}
	// Pagefind lower-cases the first letter too (the rest is lower-case already).
	const normalized = UPPERCASE.test(token) ? token.toLowerCase() : token;
	if (isAscii(normalized)) return { word: normalized };
	const stripped = normalized.normalize('NFD').replace(MARKS, '');
	return stripped === normalized ? { word: normalized } : { word: stripped, original: normalized };
}

/** A word's locations on one page: body positions and title positions, either possibly empty. */
interface PageLocations {
	body: readonly number[];
	title: readonly number[];
}

/**
 * Encodes one (word, page) entry as the index holds it: [page Δ, locs] or [page Δ, locs,
 * meta locs]; returns the locations Pagefind counts for chunking (with the weight marker).
 */
function encodeEntry(out: CborWriter, delta: number, locations: PageLocations): number {
	out.head(4, locations.title.length ? 3 : 2);
	out.head(0, delta);
	return encodeRest(out, locations);
}

/**
 * An entry after its page delta (the index writer keeps entries so, apart from their page,
 * and writes the delta when it writes the word: see `finish`); returns the locations counted.
 */
function encodeRest(out: CborWriter, { body, title }: PageLocations): number {
	// [−25, p0, Δ…] with the marker left out (see above): the first position is then the delta from 0.
	out.head(4, body.length);
	let last = 0;
	for (const position of body) {
		out.head(0, position - last);
		last = position;
	}
	if (title.length) {
		out.head(4, title.length + 1);
		out.int(-1 - META_FIELDS.indexOf('title'));
		last = 0;
		for (const position of title) {
			out.head(0, position - last);
			last = position;
		}
	}
	return (body.length ? body.length + 1 : 0) + (title.length ? title.length + 1 : 0) + 1;
}

/** Reads a writer's state (`WrittenIndex.state`): unsigned integers as CBOR heads, and byte runs. */
class StateReader {
	at = 0;
	private readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}
	get done(): boolean {
		return this.at >= this.bytes.length;
	}
	uint(): number {
		const initial = this.bytes[this.at++];
		if (initial === undefined || initial >> 5 !== 0 || (initial & 31) > 26) throw new Error('search index: unreadable index state');
		const info = initial & 31;
		if (info < 24) return info;
		const size = info === 24 ? 1 : info === 25 ? 2 : 4;
		if (this.at + size > this.bytes.length) throw new Error('search index: unreadable index state');
		let value = 0;
		for (let i = 0; i < size; i++) value = value * 256 + this.bytes[this.at++]!;
		return value;
	}
	skip(length: number): void {
		this.at += length;
		if (this.at > this.bytes.length) throw new Error('search index: unreadable index state');
	}
}

/** A variant form's pages, encoded as they come (rare: only words with marks have variants). */
interface VariantPages {
	entries: CborWriter;
	count: number;
	lastPage: number;
}

/** Code point order (= UTF-8 byte order, Rust's string order): UTF-16 order except around surrogates. */
export function compareCodePoints(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	for (let i = 0; i < length; i++) {
		let x = a.charCodeAt(i);
		let y = b.charCodeAt(i);
		if (x === y) continue;
		// Surrogates (D800–DFFF) stand for code points above every BMP character.
		if (x >= 0xd800) x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
		if (y >= 0xd800) y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
		return x - y;
	}
	return a.length - b.length;
}

/** Words in a page's content (space-separated), counted without splitting it. */
function wordCountOf(content: string): number {
	let count = 1;
	for (let at = content.indexOf(' '); at !== -1; at = content.indexOf(' ', at + 1)) count++;
	return count;
}

/** Word counts rounded to a power of √2: within 19% of the true length. */
export function roundWordCount(count: number): number {
	if (count <= 1) return count;
	return Math.round(2 ** (Math.round(Math.log2(count) * 2) / 2));
}

/** `array`, or a copy of it with room for `size` items (at least twice as many). */
const grow = <T extends Int32Array<ArrayBuffer> | Uint8Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(array: T, size: number): T => {
	if (size <= array.length) return array;
	const grown = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2));
	grown.set(array);
	return grown;
};

/** How a kept chunk is found: by its first and last word and its number of words. */
const chunkKey = (from: string, to: string, words: number) => `${from}\0${to}\0${words}`;

/** Index files compressed at once: more than libuv's four threads, so none waits for work. */
const COMPRESSIONS_IN_FLIGHT = 8;

/** Numbers per entry in the writer's `entryData`: start, length, page, locations and arity. */
const ENTRY_FIELDS = 4;

/** Sorts entries `from` to `end` (`ENTRY_FIELDS` numbers each) by page. */
function sortByPage(entries: Int32Array, from: number, end: number): void {
	const slots = Array.from({ length: end - from }, (_, i) => from + i).sort(
		(a, b) => entries[a * ENTRY_FIELDS + 2]! - entries[b * ENTRY_FIELDS + 2]!,
	);
	const sorted = slots.map((slot) => entries.slice(slot * ENTRY_FIELDS, (slot + 1) * ENTRY_FIELDS));
	sorted.forEach((fields, i) => entries.set(fields, (from + i) * ENTRY_FIELDS));
}

/** Builds one index: `addPage` in page order, then `finish`. */
export class PagefindIndexWriter {
	private readonly options: WriterOptions;
	/** Index word → word number; −1: nothing to index; ≤ −2: variant number −2 − v. */
	private readonly tokens = new Map<string, number>();
	private readonly variantTokens: { word: number; form: string }[] = [];
	private readonly words: string[] = [];
	private lastPage = new Int32Array(1024);
	private pageCount = new Int32Array(1024);
	private locations = new Float64Array(1024);
	/** Per word: its entries in the log. */
	private entryCount = new Int32Array(1024);
	/**
	 * Entries in the log, `ENTRY_FIELDS` numbers each: where its bytes start, how many, its
	 * page, and its locations counted × 2 + (arity − 2) (arity 2, or 3 with title locations).
	 * `finish` reads them in filing order and copies each entry to its word's place (see there).
	 * The log holds each entry after its page delta (`encodeRest`): `finish` writes the
	 * deltas, so an entry's bytes do not depend on the page before it and a kept index can
	 * be renumbered (`seed`).
	 */
	private entryData = new Int32Array(ENTRY_FIELDS << 16);
	/** Each entry's word, read in filing order only (to sort the entries by word). */
	private entryWord = new Int32Array(1 << 16);
	private entries = 0;
	/** Per word: 1 once an entry came for a page before one it already had (pages added out of order). */
	private unsorted = new Uint8Array(1024);
	/** Per word: 1 when its entries differ from the seeded state's (an entry added or left out, or a variant). */
	private changed = new Uint8Array(1024);
	/**
	 * The state, page numbers and chunks `seed` was given (`same`: every kept page keeps its
	 * number), and per word where its record and its entries are in that state, and how many.
	 */
	private seeded:
		| {
				state: Uint8Array;
				pages: Int32Array;
				chunks: Map<string, string>;
				same: boolean;
				/** Under the same numbers: per word, its entries on pages that left (page, packed, start and end in the state). */
				left: Map<number, number[]>;
		  }
		| undefined;
	private seededHead = new Int32Array(1024);
	private seededFrom = new Int32Array(1024);
	private seededTo = new Int32Array(1024);
	private seededCount = new Int32Array(1024);
	private log = new CborWriter(1 << 20);
	private readonly variants = new Map<number, Map<string, VariantPages>>();
	private readonly filters = new Map<string, Map<string, number[]>>();
	/** Word count by page number (`addPage` and `setPage`). */
	private readonly wordCounts: number[] = [];
	// Per page scratch: the page stamp per word, and each word's positions as a chain.
	private stamp = new Int32Array(1024);
	private firstAt = new Int32Array(1024);
	private lastAt = new Int32Array(1024);
	private nextAt = new Int32Array(4096);

	private readonly digest = createHash('sha256');
	private readonly gzipPack: GzipPack;

	constructor(options: WriterOptions) {
		this.options = options;
		this.gzipPack = options.gzipPack ?? new GzipPack();
	}

	private wordNumber(word: string, wordIds: Map<string, number>): number {
		let id = wordIds.get(word);
		if (id !== undefined) return id;
		id = this.words.push(word) - 1;
		wordIds.set(word, id);
		if (id >= this.lastPage.length) {
			const size = id * 2;
			this.lastPage = grow(this.lastPage, size);
			this.pageCount = grow(this.pageCount, size);
			this.entryCount = grow(this.entryCount, size);
			this.stamp = grow(this.stamp, size);
			this.firstAt = grow(this.firstAt, size);
			this.lastAt = grow(this.lastAt, size);
			this.seededHead = grow(this.seededHead, size);
			this.seededFrom = grow(this.seededFrom, size);
			this.seededTo = grow(this.seededTo, size);
			this.seededCount = grow(this.seededCount, size);
			this.unsorted = grow(this.unsorted, size);
			this.changed = grow(this.changed, size);
			this.locations = grow(this.locations, size);
		}
		this.lastPage[id] = 0;
		this.entryCount[id] = 0;
		return id;
	}

	private readonly wordIds = new Map<string, number>();

	/**
	 * Files being compressed and written off the main thread (zlib's thread pool) while the
	 * index is encoded, a few at a time: each compression holds its own zlib state (about a
	 * quarter of a megabyte at the level used) and its input and output from the moment it
	 * is started, and the 2,400 chunks of a 10,000-case index, all started at once, took
	 * the build's memory up by a gigabyte.
	 */
	private readonly writing = new FileQueue(COMPRESSIONS_IN_FLIGHT);

	/**
	 * Writes one file of the bundle (a Pagefind file gzipped by `encoder`, or `plain` as it is),
	 * and adds its name and payload digest to the digest.
	 */
	private write(file: string, payload: Uint8Array, encoder: Encoder | 'plain' = 'zlib'): string {
		const digest = payloadDigest(payload);
		this.digest.update(file).update('\0').update(digest).update('\0');
		const target = path.join(this.options.outDir, file);
		if (encoder === 'plain') writeFileSync(target, payload);
		else this.writing.add(this.gzipPack.file(payload, digest, encoder).then((bytes) => writeFile(target, bytes)));
		return digest;
	}

	/** Writes a Pagefind file known by its payload's digest, from the gzip pack; false if the pack lacks it. */
	private writeKnown(file: string, digest: string): boolean {
		const bytes = this.gzipPack.known(digest);
		if (!bytes) return false;
		this.digest.update(file).update('\0').update(digest).update('\0');
		this.writing.add(writeFile(path.join(this.options.outDir, file), bytes));
		return true;
	}

	/** The number a token is filed under (see `tokens`). */
	private tokenNumber(token: string): number {
		let id = this.tokens.get(token);
		if (id !== undefined) return id;
		const filed = pagefindWord(token);
		if (!filed) id = -1;
		else {
			const word = this.wordNumber(filed.word, this.wordIds);
			if (filed.original === undefined) id = word;
			else id = -2 - (this.variantTokens.push({ word, form: filed.original }) - 1);
		}
		this.tokens.set(token, id);
		return id;
	}

	/** A new entry (its bytes already at the log's end from `start`) of `word` on `page`. */
	private linkEntry(word: number, page: number, arity: number, counted: number, start: number): void {
		const entry = this.entries++;
		if (entry >= this.entryWord.length) {
			const size = (entry + 1) * 2;
			this.entryData = grow(this.entryData, size * ENTRY_FIELDS);
			this.entryWord = grow(this.entryWord, size);
		}
		const at = entry * ENTRY_FIELDS;
		this.entryData[at] = start;
		this.entryData[at + 1] = this.log.length - start;
		this.entryData[at + 2] = page;
		this.entryData[at + 3] = counted * 2 + arity - 2;
		this.entryWord[entry] = word;
		this.changed[word] = 1;
		this.locations[word]! += counted;
		if (this.entryCount[word]! > 0 && page <= this.lastPage[word]!) this.unsorted[word] = 1;
		if (page > this.lastPage[word]!) this.lastPage[word] = page;
		this.entryCount[word]!++;
		this.pageCount[word]!++;
	}

	private addEntry(word: number, page: number, locations: PageLocations): void {
		const start = this.log.length;
		const counted = encodeRest(this.log, locations);
		this.linkEntry(word, page, locations.title.length ? 3 : 2, counted, start);
	}

	private addVariant(word: number, form: string, page: number, locations: PageLocations): void {
		let forms = this.variants.get(word);
		if (!forms) this.variants.set(word, (forms = new Map()));
		let pages = forms.get(form);
		if (!pages) forms.set(form, (pages = { entries: new CborWriter(64), count: 0, lastPage: 0 }));
		this.locations[word]! += encodeEntry(pages.entries, page - pages.lastPage, locations);
		this.changed[word] = 1;
		pages.lastPage = page;
		pages.count++;
	}

	/** Notes a variant token (number `id`) at `position` in a page's variant positions (word → form → positions). */
	private variantAt(variants: Map<number, Map<string, number[]>> | undefined, id: number, position: number): Map<number, Map<string, number[]>> {
		const { word, form } = this.variantTokens[-2 - id]!;
		const map = variants ?? new Map<number, Map<string, number[]>>();
		const forms = map.get(word) ?? map.set(word, new Map()).get(word)!;
		(forms.get(form) ?? forms.set(form, []).get(form)!).push(position);
		return map;
	}

	/**
	 * Tokens of one or two UTF-16 units (nearly every token: Han bigrams and unigrams) by their
	 * code units, in an open-addressed table: filing a page then makes no string per token and
	 * hashes no string. Key 0 marks an empty slot (no token is empty); the value is `tokenNumber`'s.
	 */
	private shortKeys = new Uint32Array(1 << 16);
	private shortIds = new Int32Array(1 << 16);
	private shortCount = 0;
	/** 32 − log2 of the table's size: the top bits of a multiplicative hash pick the slot. */
	private shortShift = 16;

	/** `tokenNumber` of the token `content.slice(start, end)`, through the short-token table when it is short. */
	private tokenAt(content: string, start: number, end: number): number {
		const length = end - start;
		if (length > 2 || length < 1) return this.tokenNumber(content.slice(start, end));
		// One unit: the unit itself (< 2^16); two: both units, the first ≥ 1, so ≥ 2^16: no two tokens share a key.
		const key = (length === 1 ? content.charCodeAt(start) : (content.charCodeAt(start) << 16) | content.charCodeAt(start + 1)) >>> 0;
		const mask = this.shortKeys.length - 1;
		let slot = Math.imul(key, 0x9e3779b1) >>> this.shortShift;
		for (;;) {
			const found = this.shortKeys[slot]!;
			if (found === key) return this.shortIds[slot]!;
			if (found === 0) break;
			slot = (slot + 1) & mask;
		}
		const id = this.tokenNumber(content.slice(start, end));
		this.shortKeys[slot] = key;
		this.shortIds[slot] = id;
		if (++this.shortCount * 2 > this.shortKeys.length) this.growShortTable();
		return id;
	}

	private growShortTable(): void {
		const keys = this.shortKeys;
		const ids = this.shortIds;
		this.shortKeys = new Uint32Array(keys.length * 2);
		this.shortIds = new Int32Array(keys.length * 2);
		this.shortShift--;
		const mask = this.shortKeys.length - 1;
		for (let i = 0; i < keys.length; i++) {
			const key = keys[i]!;
			if (key === 0) continue;
			let slot = Math.imul(key, 0x9e3779b1) >>> this.shortShift;
			while (this.shortKeys[slot] !== 0) slot = (slot + 1) & mask;
			this.shortKeys[slot] = key;
			this.shortIds[slot] = ids[i]!;
		}
	}

	/**
	 * Adds a page, by default as the next page number; returns its id (the page number in
	 * base 36). After `seed`, pages not kept are added under their own numbers, in any order.
	 */
	addPage(page: IndexPage, number = this.wordCounts.length): string {
		const stampValue = number + 1;
		const content = page.content;
		const tokenCount = wordCountOf(content);
		this.nextAt = grow(this.nextAt, tokenCount);
		const pageWords: number[] = [];
		let bodyVariants: Map<number, Map<string, number[]>> | undefined;
		let start = 0;
		for (let position = 0; position < tokenCount; position++) {
			let end = content.indexOf(' ', start);
			if (end === -1) end = content.length;
			const id = this.tokenAt(content, start, end);
			start = end + 1;
			if (id === -1) continue;
			if (id <= -2) {
				bodyVariants = this.variantAt(bodyVariants, id, position);
				continue;
			}
			if (this.stamp[id] !== stampValue) {
				this.stamp[id] = stampValue;
				this.firstAt[id] = position;
				pageWords.push(id);
			} else this.nextAt[this.lastAt[id]!] = position;
			this.lastAt[id] = position;
			this.nextAt[position] = -1;
		}
		const titlePositions = new Map<number, number[]>();
		let titleVariants: Map<number, Map<string, number[]>> | undefined;
		page.title.split(' ').forEach((token, position) => {
			const id = this.tokenNumber(token);
			if (id === -1) return;
			if (id <= -2) {
				titleVariants = this.variantAt(titleVariants, id, position);
				return;
			}
			(titlePositions.get(id) ?? titlePositions.set(id, []).get(id)!).push(position);
		});
		const none: number[] = [];
		for (const word of pageWords) {
			const body: number[] = [];
			for (let at = this.firstAt[word]!; at !== -1; at = this.nextAt[at]!) body.push(at);
			const title = titlePositions.get(word) ?? none;
			titlePositions.delete(word);
			this.addEntry(word, number, { body, title });
		}
		for (const [word, title] of titlePositions) this.addEntry(word, number, { body: none, title });
		if (bodyVariants || titleVariants) this.addVariants(number, bodyVariants, titleVariants);

		this.setPage(number, tokenCount, page.filters);
		return pageId(number);
	}

	/** The word count of page `number`, once added. */
	wordCount(number: number): number {
		return this.wordCounts[number]!;
	}

	/** A page's length and filter values: `addPage` notes them; `seed`'s kept pages are given them so. */
	setPage(number: number, wordCount: number, filters: IndexPage['filters']): void {
		for (const [filter, values] of Object.entries(filters)) {
			const byValue = this.filters.get(filter) ?? this.filters.set(filter, new Map()).get(filter)!;
			for (const value of values) (byValue.get(value) ?? byValue.set(value, []).get(value)!).push(number);
		}
		this.wordCounts[number] = wordCount;
	}

	/**
	 * Files the entries of an earlier index (`WrittenIndex.state`) again, page `p` as page
	 * `pages[p]` (−1: left out), without reading a record: the words of kept pages are not
	 * tokenised again, and their entries are not copied: `finish` reads them from `state`,
	 * merged with the entries of pages added since. Their lengths and filters are given with
	 * `setPage`; pages not kept are added with `addPage` under their numbers. `pages` must
	 * keep the kept pages' order. `chunks`: the earlier index's chunks (`WrittenIndex.chunkNotes`).
	 * Throws on a state it cannot read whole.
	 */
	seed(state: Uint8Array, pages: Int32Array, chunks: readonly ChunkNote[] = []): void {
		const same = pages.every((page, old) => page < 0 || page === old);
		const left = new Map<number, number[]>();
		this.seeded = { state, pages, chunks: new Map(chunks.map((chunk) => [chunkKey(chunk.from, chunk.to, chunk.words), chunk.digest])), same, left };
		const reader = new StateReader(state);
		while (!reader.done) {
			const head = reader.at;
			const wordLength = reader.uint();
			const word = textDecoder.decode(state.subarray(reader.at, (reader.at += wordLength)));
			const count = reader.uint();
			const from = reader.at;
			let kept = 0;
			let counted = 0;
			let page = 0;
			let gone: number[] | undefined;
			for (let i = 0; i < count; i++) {
				page += reader.uint();
				const packed = reader.uint();
				const length = reader.uint();
				reader.skip(length);
				if (page >= pages.length) throw new Error('search index: unreadable index state');
				if (pages[page]! >= 0) {
					kept++;
					counted += packed >>> 1;
				} else if (same) (gone ??= []).push(page, packed, reader.at - length, reader.at);
			}
			// Under the same numbers a word whose pages all left may come back with the same entries (an edit).
			if (!kept && !gone) continue;
			const id = this.wordNumber(word, this.wordIds);
			if (gone) left.set(id, gone);
			if (kept < count) this.changed[id] = 1;
			this.seededHead[id] = head;
			this.seededFrom[id] = from;
			this.seededTo[id] = reader.at;
			this.seededCount[id] = count;
			this.pageCount[id]! += kept;
			this.locations[id]! += counted;
		}
	}

	/**
	 * Under the same page numbers, marks unchanged each word whose entries on pages that left
	 * came back byte for byte on the same pages (a case edited, its page filed again): such a
	 * word is filed exactly as in the seeded state. `slots`: where each word's added entries start in `entries`.
	 */
	private markReturned(entries: Int32Array, log: Uint8Array, slots: Int32Array): void {
		const seeded = this.seeded!;
		for (const [id, gone] of seeded.left) {
			if (this.entryCount[id]! * 4 !== gone.length || this.variants.has(id)) continue;
			const first = slots[id]!;
			if (this.unsorted[id]) {
				sortByPage(entries, first, first + this.entryCount[id]!);
				this.unsorted[id] = 0;
			}
			let same = true;
			for (let i = 0; same && i < gone.length; i += 4) {
				const at = (first + i / 4) * ENTRY_FIELDS;
				const [page, packed, start, end] = [gone[i]!, gone[i + 1]!, gone[i + 2]!, gone[i + 3]!];
				same = entries[at + 2] === page && entries[at + 3] === packed && entries[at + 1] === end - start;
				for (let b = 0; same && b < end - start; b++) same = log[entries[at]! + b] === seeded.state[start + b];
			}
			if (same) this.changed[id] = 0;
		}
	}

	/** A page's variant entries, in Pagefind's order: body forms, then title-only forms, each sorted. */
	private addVariants(page: number, body: Map<number, Map<string, number[]>> | undefined, title: Map<number, Map<string, number[]>> | undefined) {
		const words = new Set([...(body?.keys() ?? []), ...(title?.keys() ?? [])]);
		for (const word of words) {
			const bodyForms = body?.get(word);
			const titleForms = title?.get(word);
			const forms = [...(bodyForms?.keys() ?? [])].sort(compareCodePoints);
			forms.push(...[...(titleForms?.keys() ?? [])].filter((form) => !bodyForms?.has(form)).sort(compareCodePoints));
			for (const form of forms) this.addVariant(word, form, page, { body: bodyForms?.get(form) ?? [], title: titleForms?.get(form) ?? [] });
		}
	}

	/**
	 * The log's entries by word, in `order`, each word's in page order, with where each word's
	 * entries start: one pass in filing order copies each entry (its numbers and its bytes) to
	 * its word's place (a counting sort). Reading entries in filing order and writing them
	 * scattered costs far less than following each word's entries through the log (a cache
	 * miss per entry and field).
	 *
	 * The entries as filed are let go once copied (some 400 MB at 10,000 cases, most of it
	 * room to grow), before the chunks are made: the writer takes no page after `finish`.
	 */
	private entriesByWord(order: readonly number[]): { entries: Int32Array; log: Uint8Array; place: Int32Array } {
		const { entryData, entryCount, entryWord } = this;
		const entries = new Int32Array(this.entries * ENTRY_FIELDS);
		const log = new Uint8Array(this.log.length);
		const place = new Int32Array(this.words.length);
		const bytePlace = new Int32Array(this.words.length);
		const wordBytes = new Int32Array(this.words.length);
		for (let entry = 0; entry < this.entries; entry++) wordBytes[entryWord[entry]!]! += entryData[entry * ENTRY_FIELDS + 1]!;
		for (let i = 0, at = 0, byte = 0; i < order.length; i++) {
			const id = order[i]!;
			place[id] = at;
			bytePlace[id] = byte;
			at += entryCount[id]!;
			byte += wordBytes[id]!;
		}
		const filed = this.log.bytes;
		for (let entry = 0; entry < this.entries; entry++) {
			const word = entryWord[entry]!;
			const from = entry * ENTRY_FIELDS;
			const to = place[word]!++ * ENTRY_FIELDS;
			const start = entryData[from]!;
			const length = entryData[from + 1]!;
			const byte = bytePlace[word]!;
			entries[to] = byte;
			entries[to + 1] = length;
			entries[to + 2] = entryData[from + 2]!;
			entries[to + 3] = entryData[from + 3]!;
			if (length > 32) log.set(filed.subarray(start, start + length), byte);
			else for (let i = 0; i < length; i++) log[byte + i] = filed[start + i]!;
			bytePlace[word] = byte + length;
		}
		// Back to where each word's entries start (a word's chunk may be taken whole, its entries not read).
		for (let i = 0; i < order.length; i++) place[order[i]!]! -= entryCount[order[i]!]!;
		this.entryData = new Int32Array(0);
		this.entryWord = new Int32Array(0);
		this.log = new CborWriter(0);
		return { entries, log, place };
	}

	/**
	 * Writes the word chunks, filters, pf_meta and the entry file (`entry`: Pagefind's for no
	 * pages, pagefind-runtime.ts); `keepState`: also return the index's entries for `seed`.
	 */
	async finish(entry: EntryBase, keepState = false): Promise<WrittenIndex> {
		const { outDir, chunkSize, language } = this.options;
		mkdirSync(path.join(outDir, 'index'), { recursive: true });
		mkdirSync(path.join(outDir, 'filter'), { recursive: true });
		// A word of the seeded state all of whose pages left, and that did not come back, is not in the index.
		const gone = (id: number) => this.pageCount[id] === 0 && !this.variants.has(id) && this.seeded?.left.has(id) === true;
		const order = this.words.map((_, id) => id).filter((id) => !gone(id));
		const plain = this.words.map((word) => !/[\ud800-\udfff\ue000-\uffff]/.test(word));
		order.sort((a, b) => {
			const x = this.words[a]!;
			const y = this.words[b]!;
			if (plain[a] && plain[b]) return x < y ? -1 : x > y ? 1 : 0;
			return compareCodePoints(x, y);
		});

		const chunkNotes: ChunkNote[] = [];
		let chunk = new CborWriter(1 << 16);
		const flush = (from: string, to: string, words: number) => {
			const head = new CborWriter(16);
			head.head(4, 1);
			head.head(4, words);
			const payload = Buffer.concat([head.view(), chunk.view()]);
			const name = chunkName(chunkNotes.length);
			const digest = this.write(`index/${name}.pf_index`, payload);
			chunkNotes.push({ from, to, words, digest });
			chunk = new CborWriter(1 << 16);
		};
		const { entries, log, place } = this.entriesByWord(order);
		const { entryCount } = this;
		if (this.seeded?.same) this.markReturned(entries, log, place);
		// Variants are filed in their own order, which the state does not keep: an index with any is not kept.
		const state =
			keepState && !this.variants.size ? new CborWriter(log.length + this.entries * 4 + (this.seeded?.state.length ?? 0) + 1024) : undefined;
		// An entry of the word being written: its page delta, then its bytes as filed.
		let last = 0;
		const put = (page: number, packed: number, bytes: Uint8Array, start: number, end: number) => {
			chunk.head(4, 2 + (packed & 1));
			chunk.head(0, page - last);
			chunk.copy(bytes, start, end);
			if (state) {
				state.head(0, page - last);
				state.head(0, packed);
				state.head(0, end - start);
				state.copy(bytes, start, end);
			}
			last = page;
		};
		const emit = (slot: number) => {
			const at = slot * ENTRY_FIELDS;
			const start = entries[at]!;
			put(entries[at + 2]!, entries[at + 3]!, log, start, start + entries[at + 1]!);
		};
		const seededReader = this.seeded && new StateReader(this.seeded.state);
		/** Encodes word `id` and its entries at the chunk's end (and the state's). */
		const encodeWord = (id: number) => {
			const wordBytes = encoder.encode(this.words[id]!);
			chunk.head(4, 3);
			chunk.head(3, wordBytes.length);
			chunk.raw(wordBytes);
			const count = this.pageCount[id]!;
			chunk.head(4, count);
			if (state) {
				state.head(0, wordBytes.length);
				state.raw(wordBytes);
				state.head(0, count);
			}
			last = 0;
			// Entries added since `seed`, in page order, merged into the kept ones (in page order too).
			let next = place[id]!;
			const end = next + entryCount[id]!;
			if (this.unsorted[id]) sortByPage(entries, next, end);
			if (this.seeded && this.seededTo[id]! > this.seededFrom[id]!) {
				const { pages } = this.seeded;
				const reader = seededReader!;
				reader.at = this.seededFrom[id]!;
				let old = 0;
				for (let i = this.seededCount[id]!; i > 0; i--) {
					old += reader.uint();
					const packed = reader.uint();
					const length = reader.uint();
					const start = reader.at;
					reader.at += length;
					const page = pages[old]!;
					if (page < 0) continue;
					for (; next < end && entries[next * ENTRY_FIELDS + 2]! < page; next++) emit(next);
					put(page, packed, this.seeded.state, start, reader.at);
				}
			}
			for (; next < end; next++) emit(next);
			const forms = this.variants.get(id);
			chunk.head(4, forms?.size ?? 0);
			for (const [form, pages] of forms ?? []) {
				chunk.head(4, 2);
				chunk.text(form);
				chunk.head(4, pages.count);
				chunk.raw(pages.entries.view());
			}
		};
		// Chunks end where their words' locations reach `chunkSize`.
		const ends: number[] = [];
		for (let i = 0, locations = 0; i < order.length; i++) {
			locations += this.locations[order[i]!]!;
			if (locations >= chunkSize || i === order.length - 1) {
				ends.push(i + 1);
				locations = 0;
			}
		}
		/** Whether word `id` is filed exactly as in the seeded state, on the same page numbers. */
		const unchanged = (id: number) => this.seeded!.same && !this.changed[id] && this.seededTo[id]! > this.seededFrom[id]!;
		let begin = 0;
		let keptChunks = 0;
		for (const end of ends) {
			const from = this.words[order[begin]!]!;
			const to = this.words[order[end - 1]!]!;
			const words = end - begin;
			// A chunk of the same words as a kept one, none changed: the kept one's bytes, from the gzip pack.
			const kept = this.seeded && order.slice(begin, end).every(unchanged) ? this.seeded.chunks.get(chunkKey(from, to, words)) : undefined;
			if (kept !== undefined && this.writeKnown(`index/${chunkName(chunkNotes.length)}.pf_index`, kept)) {
				if (state) for (let i = begin; i < end; i++) state.copy(this.seeded!.state, this.seededHead[order[i]!]!, this.seededTo[order[i]!]!);
				chunkNotes.push({ from, to, words, digest: kept });
				keptChunks++;
			} else {
				for (let i = begin; i < end; i++) encodeWord(order[i]!);
				flush(from, to, words);
			}
			begin = end;
			await this.writing.room();
		}

		const filterList: CborValue[] = [];
		for (const name of [...this.filters.keys()].sort(compareCodePoints)) {
			const values = [...this.filters.get(name)!]
				.sort(([a], [b]) => compareCodePoints(a, b))
				.map(([value, pages]): CborValue => [value, pages.sort((a, b) => a - b)]);
			const file = name.replace(/[^a-z0-9_-]/gi, '_');
			this.write(`filter/${file}.pf_filter`, encodeCbor([name, values]));
			filterList.push([name, file]);
			await this.writing.room();
		}

		// No sorts: the page number is the date order (see above). A page has no third field, its fragment group:
		// Pagefind writes an empty one, its wasm reads none as none, and 10,000 of them were 230 bytes of pf_meta.
		for (let number = 0; number < this.wordCounts.length; number++) {
			if (this.wordCounts[number] === undefined) throw new Error(`search index: page ${number} was never added`);
		}
		const pages = this.wordCounts.map((count, number): CborValue => [pageId(number), roundWordCount(count)]);
		const meta = encodeCbor([entry.version, pages, metaChunkList(chunkNotes), filterList, [], [...META_FIELDS]]);
		// Every search fetches pf_meta before its first result: worth Zopfli's time.
		this.write(`pagefind.${language}.pf_meta`, meta, 'zopfli');
		const entryFile = { ...entry, languages: { [language]: { hash: language, wasm: null, page_count: pages.length } } };
		this.write('pagefind-entry.json', Buffer.from(JSON.stringify(entryFile)), 'plain');
		await this.writing.done();
		const positions = this.wordCounts.reduce((sum, count) => sum + count, 0);
		return {
			pages: pages.length,
			chunks: chunkNotes.length,
			words: order.length,
			positions,
			digest: this.digest.digest('hex'),
			keptChunks,
			...(state ? { state: state.view(), chunkNotes } : {}),
		};
	}
}
