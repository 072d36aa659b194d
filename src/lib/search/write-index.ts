/**
 * Writes the search index for a set of cases into a built site: Pagefind's bundle under
 * pagefind/ and our own files under search-data/ (see layout.ts).
 *
 * One pass over the cases in date order: each case's record (made, or taken from the
 * record cache) goes to the index writer (pagefind-writer.ts), which files its words in
 * Pagefind's format without a Pagefind session, and its result files are written at once.
 * Memory holds the index's word table and encoded entries, not the records. Everything is
 * written into staging folders and renamed to the version (a digest of what they hold)
 * at the end, so a failed run leaves no half index behind.
 *
 * Given a kept index (kept-index.ts), a rebuild starts from the previous build's index:
 * pages whose source's key it holds keep their filed words (renumbered) and their result
 * files (hard-linked), and only the other pages' records are read or made and filed.
 */
import { buildMessages } from '../i18n/messages/build.ts';
import { progress } from '../progress.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { getDivision } from '../regions.ts';
import type { SearchDocument } from './document.ts';
import { serializeFoldMap, type FoldMap } from './fold.ts';
import { browserFoldMap, fullFoldMap } from './fold-table.ts';
import {
	FACETS,
	INDEX_LANGUAGE,
	MANIFEST_FILE,
	PAGEFIND_DIR,
	SEARCH_DATA_DIR,
	displayFile,
	labelsFile,
	pageId,
	type Facet,
	type FacetLabels,
	type SearchManifest,
} from './layout.ts';
import { pagefindPayload } from './pagefind-format.ts';
import { pagefindRuntime } from './pagefind-runtime.ts';
import { FileQueue } from './file-queue.ts';
import { GzipPack } from './gzip-pack.ts';
import { KeptIndex, type KeptPage, type KeptState } from './kept-index.ts';
import { PagefindIndexWriter } from './pagefind-writer.ts';
import {
	buildRecord,
	loadRecord,
	storeRecord,
	writePageFiles,
	type BuiltRecord,
	type IndexedRecord,
	type PageDirs,
	type RecordContext,
} from './record.ts';
import { RecordPool, type RecordTask, type WorkerContext } from './record-workers.ts';
import type { StepCache } from '../build/step-cache.ts';

/** Tuning and cache for `writeSearchIndex`; without a cache every record is made anew. */
export interface IndexOptions {
	/** Word locations per index chunk (what one query word costs to download). */
	chunkSize?: number;
	/** Where records of earlier builds are kept, by each source's key; none: every record is made. */
	recordCache?: StepCache;
	/** The file of the gzip pack (gzip-pack.ts): read at the start, written at the end; none: every file is compressed. */
	gzipPackFile?: string;
	/** The full fold map (fold-table.ts), when the caller keeps one; none: built here. */
	fold?: FoldMap;
	/** Where the previous index is kept (kept-index.ts) and this one will be; none: every page is filed from its record. */
	keptIndex?: string;
	/**
	 * The record context as data: given, sources with a `task` are made in worker threads
	 * (record-workers.ts) when there are many to make. The context's `convert` must then be
	 * the site's converter, which is what the workers use.
	 */
	workers?: WorkerContext;
}

/**
 * A case to index, made into a search document only when its record is not in the cache:
 * reading a case's MDX into plain text costs as much as making the record.
 */
export interface RecordSource {
	id: string;
	/** YYYY-MM-DD, the document's date (the index numbers pages in date order). */
	date: string;
	/** A digest of everything the record is made of (the case, its issues' labels, the settings and code); none: not cached. */
	key?: string;
	document(): SearchDocument;
	/** The same record as a task a worker thread can make (record-workers.ts); none: made on the main thread. */
	task?(): RecordTask;
}

/** What an indexing run did and how long it took, for the build's report. */
export interface IndexStats {
	cases: number;
	/** Words (positions) across all records. */
	words: number;
	chunks: number;
	/** Entries in the search page's fold table. */
	foldEntries: number;
	version: string;
	seconds: number;
	/** Seconds per phase: records (made or read, filed into the index, result files written), then writing the word index. */
	phases: { records: number; index: number };
	/** Records taken from the cache and records made anew. */
	records: { reused: number; built: number };
	/** Worker threads that made records (0: all made on the main thread). */
	threads: number;
	/** Pagefind files taken from the gzip pack and files compressed anew (without a pack, all compressed). */
	gzip: { reused: number; compressed: number };
	/** Pages taken from the kept index (their words not filed again, their result files linked). */
	kept: number;
	/** Index chunks taken whole from the kept index (not encoded again). */
	keptChunks: number;
}

/** What the loop needs of a page, from its record or from the kept index. */
type KeptRecord = Omit<KeptPage, 'key'>;

/**
 * Which page of the kept index each page keeps (−1: none, filed from its record), with its
 * result files already linked into the staging folder; undefined when too many pages are
 * new for the kept index to help. A page whose kept result files are missing or damaged is
 * filed from its record; nothing is linked for it.
 */
function keepPages(docs: readonly RecordSource[], previous: KeptState, kept: KeptIndex, dirs: PageDirs): Int32Array | undefined {
	const byKey = new Map(previous.pages.map((page, number) => [page.key, number]));
	const keptPage = new Int32Array(docs.length).fill(-1);
	let fresh = 0;
	for (let i = 0; i < docs.length; i++) {
		const old = byKey.get(docs[i]!.key!);
		// A key twice (never from the build: keys name the case) keeps its page once.
		if (old === undefined) fresh++;
		else {
			keptPage[i] = old;
			byKey.delete(docs[i]!.key!);
		}
	}
	if (fresh > docs.length * KEPT_AT_MOST_NEW) return undefined;
	for (let i = 0; i < docs.length; i++) {
		const old = keptPage[i]!;
		if (old < 0) continue;
		const { key, lengths } = previous.pages[old]!;
		const targets = SCRIPTS.map((script) => path.join(dirs.data, displayFile(dirs.version, script, pageId(i))));
		const linked = SCRIPTS.map((script, s) => kept.linkResult(key, script, lengths[s]!, targets[s]!));
		if (linked.every(Boolean)) continue;
		// One script's file linked and not the other's: the page is written from its record, so none may stay.
		for (const target of targets) rmSync(target, { force: true });
		keptPage[i] = -1;
	}
	return keptPage;
}

/** `chunkSize` when not given, below Pagefind's own 20,000 so a query word downloads a smaller chunk. */
export const DEFAULT_CHUNK_SIZE = 8_000;

/** Misses made on the main thread before worker threads are started (starting them costs about a second). */
const POOL_AFTER = 16;
/** Records made ahead of the one being indexed: enough to keep every worker busy, few enough to bound memory. */
const WINDOW = 64;
/** Above this share of new pages the kept index is not used: filing every page from its record costs less than renumbering. */
const KEPT_AT_MOST_NEW = 0.5;
/** The format of the kept index's entries (pagefind-writer.ts `seed`); a change makes earlier ones unusable. */
const KEPT_FORMAT = 3;

/** Oldest first: the index numbers pages by date, and the search page sorts by that number. */
function byDate(a: RecordSource, b: RecordSource): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The search index of `documents` (every record made anew). */
export function writeSearchIndex(
	documents: Iterable<SearchDocument>,
	outDir: string,
	context: Omit<RecordContext, 'fold'>,
	options: IndexOptions = {},
): Promise<IndexStats> {
	const sources = [...documents].map((doc): RecordSource => ({ id: doc.id, date: doc.date, document: () => doc }));
	return writeSearchIndexFrom(sources, outDir, context, options);
}

/** The search index of `sources`, taking from `options.recordCache` the records of sources whose key it holds. */
export async function writeSearchIndexFrom(
	sources: Iterable<RecordSource>,
	outDir: string,
	context: Omit<RecordContext, 'fold'>,
	options: IndexOptions = {},
): Promise<IndexStats> {
	const started = performance.now();
	const phases = { records: 0, index: 0 };
	let lap = started;
	const endPhase = (phase: keyof typeof phases) => {
		const now = performance.now();
		phases[phase] += (now - lap) / 1000;
		lap = now;
	};
	const bundleDir = path.join(outDir, PAGEFIND_DIR);
	const dataDir = path.join(outDir, SEARCH_DATA_DIR);
	for (const dir of [bundleDir, dataDir]) rmSync(dir, { recursive: true, force: true });

	const docs = [...sources].sort(byDate);
	if (!docs.length) {
		// No published cases yet: no index; the search page learns from the manifest that there is nothing to search.
		mkdirSync(dataDir, { recursive: true });
		const empty: SearchManifest = { version: 'empty', pages: 0, fold: '' };
		writeFileSync(path.join(dataDir, MANIFEST_FILE), JSON.stringify(empty));
		return {
			cases: 0,
			words: 0,
			chunks: 0,
			foldEntries: 0,
			version: empty.version,
			seconds: (performance.now() - started) / 1000,
			phases,
			records: { reused: 0, built: 0 },
			threads: 0,
			gzip: { reused: 0, compressed: 0 },
			kept: 0,
			keptChunks: 0,
		};
	}

	// Pagefind's own files, asked for while the records are made.
	const runtime = pagefindRuntime();
	runtime.catch(() => undefined);
	const fold = options.fold ?? fullFoldMap();
	const recordContext: RecordContext = { ...context, fold };
	const cache = options.recordCache;
	const records = { reused: 0, built: 0 };
	const gzipPack = options.gzipPackFile === undefined ? new GzipPack() : GzipPack.open(options.gzipPackFile);
	const staging = `.partial-${process.pid}`;
	const bundleStaging = path.join(bundleDir, staging);
	const dataStaging = path.join(dataDir, staging);
	const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
	// Only an index whose every page has a key can be kept: the kept index finds pages by key.
	const kept = options.keptIndex !== undefined && docs.every((doc) => doc.key !== undefined) ? new KeptIndex(options.keptIndex) : undefined;
	const keptSettings = JSON.stringify({ format: KEPT_FORMAT, chunkSize, language: INDEX_LANGUAGE });
	let pool: RecordPool | undefined;
	try {
		for (const script of SCRIPTS) mkdirSync(path.join(dataStaging, script), { recursive: true });
		const writer = new PagefindIndexWriter({ outDir: bundleStaging, language: INDEX_LANGUAGE, chunkSize, gzipPack });
		const dirs: PageDirs = { data: dataDir, version: staging };
		// Pages of the kept index this index keeps: page i is kept page keptPage[i] (−1: filed from its record).
		const previous = kept?.readState(keptSettings);
		const keptPage = previous ? keepPages(docs, previous, kept!, dirs) : undefined;
		if (keptPage) {
			const renumber = new Int32Array(previous!.pages.length).fill(-1);
			keptPage.forEach((old, page) => old >= 0 && (renumber[old] = page));
			writer.seed(previous!.entries, renumber, previous!.chunks);
		}
		// Records in date order, each with its page files written. A miss is made here, or, once
		// misses look like a whole corpus to make, by worker threads, up to WINDOW cases ahead.
		let poolTried = false;
		const files = new FileQueue();
		const write = files.write.bind(files);
		const indexed = (built: BuiltRecord, id: string): IndexedRecord => writePageFiles(built, id, dirs, write);
		const recordOf = (source: RecordSource, id: string, remaining: number): IndexedRecord | Promise<IndexedRecord> => {
			const name = source.key === undefined ? undefined : `${source.key}.record`;
			const stored = name === undefined ? undefined : cache?.read(name);
			const loaded = stored && loadRecord(stored);
			if (loaded) {
				records.reused++;
				return indexed(loaded, id);
			}
			if (!poolTried && options.workers && source.task && records.built >= POOL_AFTER && remaining >= POOL_AFTER) {
				poolTried = true;
				pool = RecordPool.open(options.workers, fold);
			}
			if (pool && source.task) {
				const store = name !== undefined && cache ? { dir: cache.dir, name } : undefined;
				return pool.make(source.task(), id, dirs, store).then((made) => {
					records.built++;
					if (store) cache!.keep(store.name);
					return made;
				});
			}
			const built = buildRecord(source.document(), recordContext);
			records.built++;
			if (name !== undefined && cache) cache.write(name, storeRecord(built));
			return indexed(built, id);
		};
		/** A kept page as the loop needs it (its result files are linked already). */
		const keptRecord = (old: number): KeptRecord => {
			const { key, words, facets, chars, digest, lengths } = previous!.pages[old]!;
			records.reused++;
			// Its record stays in the record cache: the next build may need it (a damaged kept file, too many new pages).
			cache?.keep(`${key}.record`);
			return { words, facets, chars, digest, lengths };
		};

		const usedValues = new Map<Facet, Set<string>>(FACETS.map((facet) => [facet, new Set<string>()]));
		const chars = new Set<string>();
		const keptPages: KeptPage[] = [];
		// The version covers every page's files, the index's own digest, the labels and the fold table.
		const hash = createHash('sha256');
		const indexing = progress(buildMessages.stepSearch(), docs.length, { unit: buildMessages.unitCases() });
		const ahead = new Map<number, IndexedRecord | Promise<IndexedRecord>>();
		let next = 0;
		for (let i = 0; i < docs.length; i++) {
			indexing.tick();
			for (; next < docs.length && next <= i + WINDOW; next++) {
				if (keptPage && keptPage[next]! >= 0) continue;
				const pending = recordOf(docs[next]!, pageId(next), docs.length - next);
				// A failure is reported when its turn comes, not as an unhandled rejection meanwhile.
				if (pending instanceof Promise) pending.catch(() => undefined);
				ahead.set(next, pending);
			}
			let page: KeptRecord;
			if (keptPage && keptPage[i]! >= 0) {
				page = keptRecord(keptPage[i]!);
				writer.setPage(i, page.words, page.facets);
			} else {
				const built = await ahead.get(i)!;
				ahead.delete(i);
				writer.addPage(built.record, i);
				page = { ...built, words: writer.wordCount(i) };
			}
			if (kept)
				keptPages.push({ key: docs[i]!.key!, words: page.words, facets: page.facets, chars: page.chars, digest: page.digest, lengths: page.lengths });
			hash.update(pageId(i)).update(page.digest);
			for (const [facet, values] of Object.entries(page.facets) as [Facet, string[]][]) {
				for (const value of values) usedValues.get(facet)!.add(value);
			}
			for (const char of page.chars) chars.add(char);
			await files.room();
		}
		await files.done();
		indexing.finish();
		// The workers' heaps are not needed for the word index: give them back before it is written.
		const threads = pool?.size ?? 0;
		await pool?.close();
		pool = undefined;
		endPhase('records');

		const { api, wasm, entry } = await runtime;
		// Pagefind's wasm, gzipped again by Zopfli (the same bytes unpacked; every search fetches it first), beside the index.
		const wasmWritten = Promise.all(
			[...wasm].map(async ([name, bytes]) =>
				writeFileSync(path.join(bundleStaging, name), await gzipPack.file(pagefindPayload(gunzipSync(bytes), name), undefined, 'zopfli')),
			),
		);
		// Reported below, or not at all when the index fails first.
		wasmWritten.catch(() => undefined);
		const written = await writer.finish(entry, kept !== undefined);
		await wasmWritten;
		const labels = Object.fromEntries(SCRIPTS.map((script) => [script, facetLabels(usedValues, script, context)])) as Record<Script, FacetLabels>;
		const browserFold = browserFoldMap(fold, chars);
		const manifestFold = serializeFoldMap(browserFold);
		const version = hash.update(written.digest).update(JSON.stringify(labels)).update(manifestFold).digest('hex').slice(0, 10);
		for (const script of SCRIPTS) writeFileSync(path.join(dataDir, labelsFile(staging, script)), JSON.stringify(labels[script]));
		renameSync(bundleStaging, path.join(bundleDir, version));
		renameSync(dataStaging, path.join(dataDir, version));
		writeFileSync(path.join(bundleDir, 'pagefind.js'), api);
		const manifest: SearchManifest = { version, pages: written.pages, fold: manifestFold };
		writeFileSync(path.join(dataDir, MANIFEST_FILE), JSON.stringify(manifest));
		if (options.gzipPackFile !== undefined) gzipPack.save(options.gzipPackFile);
		if (kept) {
			// The new pages' result files join the kept ones; then the state that names them.
			for (let i = 0; i < docs.length; i++) {
				if (keptPage && keptPage[i]! >= 0) continue;
				for (const script of SCRIPTS) kept.keepResult(docs[i]!.key!, script, path.join(dataDir, displayFile(version, script, pageId(i))));
			}
			kept.prune(new Set(keptPages.map((page) => page.key)));
			kept.saveState(keptSettings, written.state ? { pages: keptPages, entries: written.state, chunks: written.chunkNotes ?? [] } : undefined);
		}
		endPhase('index');
		return {
			cases: docs.length,
			words: written.positions,
			chunks: written.chunks,
			foldEntries: browserFold.size,
			version,
			seconds: (performance.now() - started) / 1000,
			phases,
			records,
			threads,
			gzip: { ...gzipPack.counts },
			kept: keptPage ? keptPage.filter((old) => old >= 0).length : 0,
			keptChunks: written.keptChunks,
		};
	} catch (error) {
		for (const dir of [bundleDir, dataDir]) rmSync(dir, { recursive: true, force: true });
		throw error;
	} finally {
		await pool?.close();
	}
}

function facetLabels(used: Map<Facet, Set<string>>, script: Script, context: Omit<RecordContext, 'fold'>): FacetLabels {
	const labels: FacetLabels = {};
	const place = (code: string) => {
		const division = getDivision(code);
		return division ? context.convert(division.name, 'hans', script) : code;
	};
	for (const [facet, values] of used) {
		if (facet === 'year' || !values.size) continue;
		const table: Record<string, string> = {};
		for (const value of [...values].sort()) {
			if (facet === 'method') table[value] = context.convert(context.methodName(value) ?? value, 'hans', script);
			else if (facet === 'issue') table[value] = context.issueLabel(value, script) ?? value;
			else table[value] = place(value);
		}
		labels[facet] = table;
	}
	return labels;
}
