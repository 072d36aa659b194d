/**
 * OpenCC's results, remembered by pipeline and text: a build converts the same text more
 * than once (the MDX plugin renders each body in both scripts, the search step reads the
 * bodies again, listing pages localise the same titles), and a rebuild converts almost
 * all of it again. OpenCC is the most expensive part of compiling a case body (about a
 * quarter of the site's build time at 1,000 cases), so each distinct text is converted
 * once per process, and, when the build names a cache directory, once per content change:
 * the texts a build converted are saved there and read back by the next build.
 *
 * The key is the pipeline's fingerprint (its dictionaries and segmentation guards, see
 * opencc-pipeline.ts) and the exact text, so a remembered result is always the one OpenCC
 * would give; the glossary is applied outside the pipeline and needs no key. Only texts
 * the current build used are saved, so the file does not grow with old content.
 *
 * The state lives on globalThis: Astro loads this module once with astro.config.mjs (the
 * MDX plugin, the integration's steps) and again inside its prerender bundle (page
 * localisation); both copies must use one store, so the integration's save covers both.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The texts of one pipeline: those this process used, and those a previous build saved. */
interface Memo {
	used: Map<string, string>;
	saved: Map<string, string>;
	/** The directory `saved` was read from. */
	readFrom?: string;
}

interface Store {
	/** Where conversions are saved between builds; none in tests and `astro dev`. */
	dir?: string;
	memos: Map<string, Memo>;
}

const STORE_KEY = Symbol.for('case-compendium.conversion-memo');
const store: Store = ((globalThis as Record<symbol, Store | undefined>)[STORE_KEY] ??= { memos: new Map() });

/** The file of one pipeline's saved conversions. */
function memoFile(dir: string, fingerprint: string): string {
	return path.join(dir, 'conversions', `${fingerprint}.json`);
}

function readSaved(dir: string, fingerprint: string): Map<string, string> {
	try {
		const entries = JSON.parse(readFileSync(memoFile(dir, fingerprint), 'utf8')) as unknown;
		if (Array.isArray(entries))
			return new Map(entries.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string'));
	} catch {
		// No file yet, or an unreadable one: start empty (the conversions are redone and saved again).
	}
	return new Map();
}

/** `convert(text)` through the memo of the pipeline with this fingerprint. */
export function memoized(fingerprint: string, convert: (text: string) => string): (text: string) => string {
	return (text) => {
		let memo = store.memos.get(fingerprint);
		if (!memo) store.memos.set(fingerprint, (memo = { used: new Map(), saved: new Map() }));
		const known = memo.used.get(text);
		if (known !== undefined) return known;
		if (store.dir && memo.readFrom !== store.dir) {
			memo.saved = readSaved(store.dir, fingerprint);
			memo.readFrom = store.dir;
		}
		const result = memo.saved.get(text) ?? convert(text);
		memo.used.set(text, result);
		return result;
	};
}

/** Reads conversions saved in `dir` by earlier builds from now on (the integration calls this as a build starts). */
export function useSavedConversions(dir: string): void {
	store.dir = dir;
}

/** Forgets what this process converted and where to save it, as a new process starts (tests). */
export function forgetConversions(): void {
	store.memos.clear();
	delete store.dir;
}

/** Saves the texts this process converted into the directory given to {@link useSavedConversions}; returns how many. */
export function saveConversions(): number {
	const { dir } = store;
	if (!dir) return 0;
	let count = 0;
	for (const [fingerprint, memo] of store.memos) {
		if (!memo.used.size) continue;
		const file = memoFile(dir, fingerprint);
		mkdirSync(path.dirname(file), { recursive: true });
		// Written aside and renamed: a build stopped halfway leaves the previous file whole.
		writeFileSync(`${file}.tmp`, JSON.stringify([...memo.used]));
		renameSync(`${file}.tmp`, file);
		count += memo.used.size;
	}
	return count;
}
