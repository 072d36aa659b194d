/**
 * Writes the search index for a set of cases into a built site: Pagefind's bundle under
 * pagefind/ and our own files under search-data/ (see layout.ts).
 *
 * Records go to Pagefind's Node API already segmented (tokens.ts) under a non-Chinese
 * language, so Pagefind runs no Chinese segmentation of its own. Cases are indexed in
 * shards of at most `shardWords` words, each in a fresh Pagefind session, and the
 * shards merged into one index (merge.ts): memory stays bounded by the shard size
 * whatever the size of the compendium.
 *
 * Shards end where a case's URL hashes to an anchor (about one case in
 * {@link SHARD_ANCHOR_EVERY}), not after a count: an edited or added case then changes
 * only the shard it falls in, and the shards before and after it stay the same, so a
 * build with a shard cache gives Pagefind only that shard. The merged index does not
 * depend on where the shards end (merge.ts), so this costs nothing in what is published.
 */
import { buildMessages } from '../i18n/messages/build.ts';
import { progress } from '../progress.ts';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { getDivision } from '../regions.ts';
import type { SearchDocument } from './document.ts';
import { serializeFoldMap } from './fold.ts';
import { browserFoldMap, fullFoldMap } from './fold-table.ts';
import {
	FACETS,
	MANIFEST_FILE,
	PAGEFIND_DIR,
	SEARCH_DATA_DIR,
	displayFile,
	labelsFile,
	type Facet,
	type FacetLabels,
	type ResultDisplay,
	type SearchManifest,
} from './layout.ts';
import { mergePagefindShards, shardsKey } from './merge.ts';
import { buildRecord, type BuiltRecord, type RecordContext } from './record.ts';
import type { StepCache } from '../build/step-cache.ts';

/** Tuning and caches for `writeSearchIndex`; without caches every record and shard is made anew. */
export interface IndexOptions {
	/**
	 * Words per Pagefind session. Pagefind needs about 0.4 KB per word while it builds, so
	 * the default keeps a session near 1.6 GiB.
	 */
	shardWords?: number;
	/** Word locations per index chunk (what one query word costs to download). */
	chunkSize?: number;
	/** Where records of earlier builds are kept, by each source's key; none: every record is made. */
	recordCache?: StepCache;
	/**
	 * Where Pagefind's shards of earlier builds are kept, each under a digest of `version`
	 * (the code, Pagefind's among it) and its records; none: every shard is indexed.
	 */
	shardCache?: { dir: string; version: string };
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
}

/** What an indexing run did and how long it took, for the build's report. */
export interface IndexStats {
	cases: number;
	/** Words (positions) across all records. */
	words: number;
	shards: number;
	chunks: number;
	/** Entries in the search page's fold table. */
	foldEntries: number;
	version: string;
	seconds: number;
	/**
	 * Seconds per phase: making records, then waiting for the Pagefind sessions still running
	 * (they run alongside the making of records, so this is only the part not overlapped),
	 * merging, result files.
	 */
	phases: { records: number; pagefind: number; merge: number; files: number };
	/** Records taken from the cache and records made anew. */
	records: { reused: number; built: number };
	/** Pagefind shards taken from the shard cache. */
	shardsReused: number;
}

/** `shardWords` when not given: a Pagefind session of about 1.6 GiB. */
export const DEFAULT_SHARD_WORDS = 4_000_000;
/** `chunkSize` when not given, below Pagefind's own 20,000 so a query word downloads a smaller chunk. */
export const DEFAULT_CHUNK_SIZE = 8_000;

/** About one case in this many starts a new shard (see above): some 850,000 words, 350 MiB of Pagefind, at the corpus's 1,700 words a case. */
export const SHARD_ANCHOR_EVERY = 500;

/** Whether a page starts a shard: its URL's hash, so the same page does in every build. */
function isShardAnchor(url: string): boolean {
	return createHash('sha256').update(url).digest().readUInt32BE(0) % SHARD_ANCHOR_EVERY === 0;
}

/**
 * Indexes a shard into `shardRoot`, or with a shard cache finds it there (indexed by this
 * or an earlier build from the same records and code); returns its folder.
 */
async function placeShard(
	records: readonly BuiltRecord[],
	shardRoot: string,
	cache: IndexOptions['shardCache'],
	used: Set<string>,
): Promise<{ dir: string; reused: boolean }> {
	if (!cache) {
		const dir = path.join(shardRoot, String(used.size));
		used.add(dir);
		await writeShard(records, dir);
		return { dir, reused: false };
	}
	const hash = createHash('sha256').update(cache.version);
	for (const { record } of records) hash.update(JSON.stringify(record)).update('\0');
	const key = hash.digest('hex').slice(0, 32);
	used.add(key);
	const dir = path.join(cache.dir, key);
	if (existsSync(path.join(dir, 'pagefind-entry.json'))) return { dir, reused: true };
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	await writeShard(records, partial);
	renameSync(partial, dir);
	return { dir, reused: false };
}

/** Removes the cached shards this build did not use. */
function pruneShards(dir: string, used: ReadonlySet<string>): void {
	if (!existsSync(dir)) return;
	for (const name of readdirSync(dir)) if (!used.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** Words in a record's content (space-separated), without splitting it. */
function wordCount(content: string): number {
	let count = 1;
	for (let at = content.indexOf(' '); at !== -1; at = content.indexOf(' ', at + 1)) count++;
	return count;
}

/** Records in flight to the Pagefind service at once. */
const BATCH = 64;

function fail(what: string, errors: readonly string[]): never {
	throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
}

/** Oldest first: the merged index numbers pages by date, and the search page sorts by that number. */
function byDate(a: RecordSource, b: RecordSource): number {
	return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function writeShard(records: readonly BuiltRecord[], dir: string): Promise<void> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index) fail('createIndex', errors);
	try {
		for (let i = 0; i < records.length; i += BATCH) {
			await Promise.all(
				records.slice(i, i + BATCH).map(async ({ record }) => {
					const response = await index.addCustomRecord(record);
					if (response.errors.length) fail(`adding ${record.url}`, response.errors);
				}),
			);
		}
		const written = await index.writeFiles({ outputPath: dir });
		if (written.errors.length) fail('writeFiles', written.errors);
	} finally {
		// Ends the Pagefind process: its memory goes back to the system before the next shard.
		await pagefind.close();
	}
}

/** A record as the cache keeps it (JSON: the character set as a string). */
interface StoredRecord {
	record: BuiltRecord['record'];
	display: BuiltRecord['display'];
	facets: BuiltRecord['facets'];
	chars: string;
}

function storeRecord(built: BuiltRecord): string {
	const stored: StoredRecord = { record: built.record, display: built.display, facets: built.facets, chars: [...built.chars].join('') };
	return JSON.stringify(stored);
}

function loadRecord(bytes: Buffer): BuiltRecord {
	const stored = JSON.parse(bytes.toString('utf8')) as StoredRecord;
	return { record: stored.record, display: stored.display, facets: stored.facets, chars: new Set(stored.chars) };
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
	const phases = { records: 0, pagefind: 0, merge: 0, files: 0 };
	let lap = started;
	const endPhase = (phase: keyof typeof phases) => {
		const now = performance.now();
		phases[phase] += (now - lap) / 1000;
		lap = now;
	};
	const shardWords = options.shardWords ?? DEFAULT_SHARD_WORDS;
	const bundleDir = path.join(outDir, PAGEFIND_DIR);
	const dataDir = path.join(outDir, SEARCH_DATA_DIR);
	const shardRoot = path.join(outDir, '.search-shards');
	// Pagefind never removes files from an earlier run.
	for (const dir of [bundleDir, dataDir, shardRoot]) rmSync(dir, { recursive: true, force: true });

	const fold = fullFoldMap();
	const recordContext: RecordContext = { ...context, fold };
	const docs = [...sources].sort(byDate);
	const cache = options.recordCache;
	const records = { reused: 0, built: 0 };
	const recordOf = (source: RecordSource): BuiltRecord => {
		const name = source.key === undefined ? undefined : `${source.key}.json`;
		const stored = name === undefined ? undefined : cache?.read(name);
		if (stored) {
			records.reused++;
			return loadRecord(stored);
		}
		const built = buildRecord(source.document(), recordContext);
		records.built++;
		if (name !== undefined) cache?.write(name, storeRecord(built));
		return built;
	};
	const position = new Map<string, number>();
	const displays = new Map<string, Record<Script, ResultDisplay>>();
	const usedValues = new Map<Facet, Set<string>>(FACETS.map((facet) => [facet, new Set<string>()]));
	const chars = new Set<string>();
	const shardDirs: string[] = [];
	const usedShards = new Set<string>();
	let shardsReused = 0;
	let words = 0;

	// Pagefind indexes a shard in its own process while the next shard's records are made
	// here: on two cores the two overlap. Sessions still run one after another (one
	// Pagefind process, one shard's memory at a time).
	let sessions: Promise<void> = Promise.resolve();
	let shard: BuiltRecord[] = [];
	let shardSize = 0;
	const flushShard = () => {
		if (!shard.length) return;
		const records = shard;
		const slot = shardDirs.push('') - 1;
		sessions = sessions.then(async () => {
			const { dir, reused } = await placeShard(records, shardRoot, options.shardCache, usedShards);
			if (reused) shardsReused++;
			shardDirs[slot] = dir;
		});
		// A failed session is reported by the await below, not as an unhandled rejection meanwhile.
		sessions.catch(() => undefined);
		shard = [];
		shardSize = 0;
	};
	const indexing = progress(buildMessages.stepSearch(), docs.length, { unit: buildMessages.unitCases() });
	for (const [i, doc] of docs.entries()) {
		indexing.tick();
		// Lets the running session talk to its Pagefind process.
		if (shardDirs.length) await new Promise((resolve) => setImmediate(resolve));
		const built = recordOf(doc);
		const size = wordCount(built.record.content);
		if (shardSize && (shardSize + size > shardWords || isShardAnchor(built.record.url))) flushShard();
		position.set(built.record.url, i);
		displays.set(built.record.url, built.display);
		for (const [facet, values] of Object.entries(built.facets) as [Facet, string[]][]) {
			for (const value of values) usedValues.get(facet)!.add(value);
		}
		for (const char of built.chars) chars.add(char);
		shard.push(built);
		shardSize += size;
		words += size;
	}
	flushShard();
	indexing.finish();
	endPhase('records');
	await sessions;
	endPhase('pagefind');
	if (!shardDirs.length) {
		// No published cases yet: Pagefind writes no index for nothing; the search page
		// learns from the manifest that there is nothing to search.
		mkdirSync(dataDir, { recursive: true });
		const empty: SearchManifest = { version: 'empty', pages: 0, fold: '' };
		writeFileSync(path.join(dataDir, MANIFEST_FILE), JSON.stringify(empty));
		return {
			cases: 0,
			words: 0,
			shards: 0,
			chunks: 0,
			foldEntries: 0,
			version: empty.version,
			seconds: (performance.now() - started) / 1000,
			phases,
			records,
			shardsReused,
		};
	}

	// The version names this build's directories; it covers everything they hold.
	const labels = Object.fromEntries(SCRIPTS.map((script) => [script, facetLabels(usedValues, script, context)])) as Record<Script, FacetLabels>;
	const browserFold = browserFoldMap(fold, chars);
	const manifestFold = serializeFoldMap(browserFold);
	const hash = createHash('sha256').update(shardsKey(shardDirs)).update(JSON.stringify(labels)).update(manifestFold);
	for (const url of [...displays.keys()].sort()) hash.update(url).update(JSON.stringify(displays.get(url)));
	const version = hash.digest('hex').slice(0, 10);

	const merged = mergePagefindShards({
		shards: shardDirs,
		outDir: path.join(bundleDir, version),
		chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
		pageOrder: (url) => {
			const place = position.get(url);
			if (place === undefined) throw new Error(`search index: a shard has a page ${url} that no case produced`);
			return place;
		},
	});
	copyFileSync(path.join(shardDirs[0]!, 'pagefind.js'), path.join(bundleDir, 'pagefind.js'));
	rmSync(shardRoot, { recursive: true, force: true });
	if (options.shardCache) pruneShards(options.shardCache.dir, usedShards);
	endPhase('merge');

	for (const script of SCRIPTS) mkdirSync(path.join(dataDir, version, script), { recursive: true });
	for (const [url, id] of merged.ids) {
		const display = displays.get(url)!;
		for (const script of SCRIPTS) writeFileSync(path.join(dataDir, displayFile(version, script, id)), JSON.stringify(display[script]));
	}
	for (const script of SCRIPTS) writeFileSync(path.join(dataDir, labelsFile(version, script)), JSON.stringify(labels[script]));
	const manifest: SearchManifest = { version, pages: merged.pages, fold: manifestFold };
	writeFileSync(path.join(dataDir, MANIFEST_FILE), JSON.stringify(manifest));
	endPhase('files');

	return {
		cases: docs.length,
		words,
		shards: shardDirs.length,
		chunks: merged.chunks,
		foldEntries: browserFold.size,
		version,
		seconds: (performance.now() - started) / 1000,
		phases,
		records,
		shardsReused,
	};
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
