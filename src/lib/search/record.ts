/**
 * One case → one index page (folded bigram words, facets) plus what a result shows in
 * each script. The page is the same for both scripts: one index serves both.
 */
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { regionChain } from '../regions.ts';
import { pagePath } from '../routes.ts';
import type { SearchDocument } from './document.ts';
import { foldText, type FoldMap } from './fold.ts';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { displayFile, type Facet, type ResultDisplay } from './layout.ts';
import type { IndexPage } from './pagefind-writer.ts';
import { indexWords } from './tokens.ts';

/** What a record needs besides the case: the site base, the fold table, script conversion and display names. */
export interface RecordContext {
	base: string;
	fold: FoldMap;
	/** Converts between scripts the way pages do (phrases, glossary). */
	convert(text: string, from: Script, to: Script): string;
	/** Method display name, written in simplified. */
	methodName(slug: string): string | undefined;
	/** Issue label in a script, e.g. 典型经验做法摘编 第1期. */
	issueLabel(id: string, script: Script): string | undefined;
}

/** A case made ready for the index: its index page, its result in each script and its facet values. */
export interface BuiltRecord {
	record: IndexPage;
	/** The result in each script as its file's bytes (JSON of a ResultDisplay): made once, written and cached as is. */
	display: Record<Script, Buffer>;
	facets: Partial<Record<Facet, string[]>>;
	/** Distinct characters of the folded text (each once, in order of first use), for the browser's fold table. */
	chars: string;
}

/** Facet values: division codes, method slugs, issue ids, the year. */
export function facetValues(doc: SearchDocument): Partial<Record<Facet, string[]>> {
	const facets: Partial<Record<Facet, string[]>> = {};
	for (const division of regionChain(doc.regionCode)) facets[division.level] = [division.code];
	if (doc.methods.length) facets.method = [...doc.methods];
	if (doc.issues.length) facets.issue = [...doc.issues];
	facets.year = [doc.date.slice(0, 4)];
	return facets;
}

/** Everything a reader might remember of a case, in its own script, one field per line. */
export function searchableText(doc: SearchDocument, context: Pick<RecordContext, 'methodName'>): string {
	const place = regionChain(doc.regionCode).map((d) => d.name);
	const fields = [
		doc.title,
		doc.subtitle,
		doc.unit,
		place.join(' '),
		doc.township,
		doc.village,
		doc.methods.map((slug) => context.methodName(slug) ?? '').join(' '),
		doc.summary,
		...doc.extra,
		doc.body,
	];
	return fields.filter((field): field is string => Boolean(field)).join('\n');
}

/** Makes one case's index page (under its simplified page's URL) and its result in both scripts. */
export function buildRecord(doc: SearchDocument, context: RecordContext): BuiltRecord {
	const folded = foldText(searchableText(doc, context), context.fold);
	const words = indexWords(folded);
	const titleWords = indexWords(foldText([doc.title, doc.subtitle].filter(Boolean).join('\n'), context.fold));
	const facets = facetValues(doc);
	const record: IndexPage = {
		url: pagePath(context.base, 'hans', { kind: 'case', id: doc.id }),
		content: words.join(' '),
		// Indexed as a metadata field: Pagefind ranks title matches higher.
		title: titleWords.join(' '),
		filters: facets,
	};
	const display = Object.fromEntries(SCRIPTS.map((script) => [script, Buffer.from(JSON.stringify(displayIn(doc, script, context)))])) as Record<
		Script,
		Buffer
	>;
	return { record, display, facets, chars: [...new Set(folded)].join('') };
}

function displayIn(doc: SearchDocument, script: Script, context: RecordContext): ResultDisplay {
	const tx = (text: string) => context.convert(text, doc.script, script);
	const place = regionChain(doc.regionCode).map((d) => context.convert(d.name, 'hans', script));
	// Municipalities repeat themselves as their own city (北京市 › 北京市): show once.
	const names = place.filter((name, i) => name !== place[i - 1]);
	if (doc.township) names.push(tx(doc.township));
	if (doc.village) names.push(tx(doc.village));
	return {
		id: doc.id,
		t: doc.subtitle ? `${tx(doc.title)}\n${tx(doc.subtitle)}` : tx(doc.title),
		u: tx(doc.unit),
		p: names,
		i: doc.issues.map((id) => context.issueLabel(id, script)).filter((label): label is string => Boolean(label)),
		d: doc.date,
		s: tx(doc.summary),
		b: tx(doc.body),
	};
}

/** The head of a cached record: everything but the result files, and those files' lengths in SCRIPTS order. */
interface StoredHead {
	record: BuiltRecord['record'];
	facets: BuiltRecord['facets'];
	chars: string;
	display: number[];
}

/**
 * A record in the record cache's form: a 4-byte length, the head (JSON), then each script's
 * result file exactly as written. A rebuild copies those bytes out without parsing the
 * result (most of a record: the body in both scripts) and writing it out as JSON again.
 */
export function storeRecord(built: BuiltRecord): Buffer {
	const files = SCRIPTS.map((script) => built.display[script]);
	const head: StoredHead = {
		record: built.record,
		facets: built.facets,
		chars: built.chars,
		display: files.map((file) => file.length),
	};
	const headBytes = Buffer.from(JSON.stringify(head));
	const length = Buffer.alloc(4);
	length.writeUInt32BE(headBytes.length);
	return Buffer.concat([length, headBytes, ...files]);
}

/** A record back from the record cache's form; undefined if the entry is damaged (then it is made again). */
export function loadRecord(bytes: Buffer): BuiltRecord | undefined {
	try {
		const headEnd = 4 + bytes.readUInt32BE(0);
		const head = JSON.parse(bytes.subarray(4, headEnd).toString('utf8')) as StoredHead;
		let at = headEnd;
		const files = head.display.map((length) => bytes.subarray(at, (at += length)));
		if (files.length !== SCRIPTS.length || at !== bytes.length) return undefined;
		const stored = Object.fromEntries(SCRIPTS.map((script, i) => [script, files[i]!])) as Record<Script, Buffer>;
		return { record: head.record, display: stored, facets: head.facets, chars: head.chars };
	} catch {
		return undefined;
	}
}

/** Where a page's files go: the result files' folder, and the (staging) version folder name in it. */
export interface PageDirs {
	data: string;
	version: string;
}

/** What the index writer needs of a record once its page files are written, and a digest of those files. */
export interface IndexedRecord {
	record: IndexPage;
	facets: BuiltRecord['facets'];
	/** Distinct characters of the folded text (see BuiltRecord). */
	chars: string;
	/** A digest of the page's result files' bytes (not their names: a renumbered page keeps its digest). */
	digest: string;
	/** Its result files' lengths, in SCRIPTS order. */
	lengths: number[];
}

/** How a thread writes a page file, which must be a new file: at once (a worker), or queued (the main thread, file-queue.ts). */
export type WriteFile = (file: string, bytes: Uint8Array | string) => void;

/**
 * Writes a new file, failing if the name exists: page files are only ever created, never
 * written over, so writing one can never change a file it is hard-linked to (kept-index.ts).
 */
export const createFile: WriteFile = (file, bytes) => writeFileSync(file, bytes, { flag: 'wx' });

/**
 * Writes a record's page files under page id `id`: its result file in each script. Run by
 * whichever thread has the record, so the main thread need not. No Pagefind fragment is
 * written: the search page shows results from these files and never asks Pagefind for one.
 */
export function writePageFiles(built: BuiltRecord, id: string, dirs: PageDirs, write: WriteFile = createFile): IndexedRecord {
	const hash = createHash('sha256');
	for (const script of SCRIPTS) {
		const json = built.display[script];
		hash.update(script).update(json);
		write(path.join(dirs.data, displayFile(dirs.version, script, id)), json);
	}
	return {
		record: built.record,
		facets: built.facets,
		chars: built.chars,
		digest: hash.digest('hex'),
		lengths: SCRIPTS.map((script) => built.display[script].length),
	};
}
