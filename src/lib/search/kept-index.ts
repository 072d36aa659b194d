/**
 * The previous build's search index, kept in the build's cache directory so that a rebuild
 * writes the new index from it instead of from every record (write-index.ts):
 *
 * - `index.state`: every page of that index (its source's key, length, filters, the digest
 *   of its result files, …), every (word, page) entry as the index writer filed it, and its
 *   chunks (pagefind-writer.ts `seed`). A rebuild files only the pages whose key is new and
 *   renumbers the rest; an unchanged page's words are not read, cut or filed again, and a
 *   chunk none of whose words changed is not encoded again.
 * - `results/<ab>/<key>.<script>.json`: each page's result files, by its source's key (a key
 *   names exactly one result file's bytes). A rebuild hard-links them into the new version
 *   folder instead of writing 20,000 files.
 *
 * Hard links are safe because neither side is ever written in place: result files are
 *   created in a fresh staging folder with O_EXCL (`wx`; record.ts `writePageFiles`), and
 *   the published site is never written to afterwards (every build has its own version
 *   folder); entries here are made by linking to a temporary name and renaming it over the
 *   entry, and removed by unlinking. Unlinking or renaming one name never changes the bytes
 *   seen through another. Where linking is impossible (another file system) files are copied.
 *
 * A damaged state (its digest does not match) is no state; an entry of the wrong length
 * is not linked and its page is made again. Entries are checked by length, not read:
 * reading them back would cost what linking saves.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { linkAtomically, linkOrCopy } from '../files/link-file.ts';
import { writeFileAtomically } from '../files/write-atomically.ts';
import type { Script } from '../../schemas/script.ts';
import type { Facet } from './layout.ts';
import type { ChunkNote } from './pagefind-writer.ts';

/** One page of a kept index. */
export interface KeptPage {
	/** The key of the page's source (write-index.ts `RecordSource.key`). */
	key: string;
	/** Word positions of the page's content (its length in pf_meta). */
	words: number;
	/** The page's facet values (also its filters). */
	facets: Partial<Record<Facet, string[]>>;
	/** Distinct characters of its folded text (record.ts `BuiltRecord.chars`). */
	chars: string;
	/** A digest of its result files' bytes (record.ts `IndexedRecord.digest`). */
	digest: string;
	/** Its result files' lengths, in SCRIPTS order. */
	lengths: number[];
}

/** A kept index: its pages in page order, the writer's entries and its chunks. */
export interface KeptState {
	pages: KeptPage[];
	entries: Uint8Array;
	chunks: ChunkNote[];
}

interface StateHead {
	settings: string;
	digest: string;
	pages: KeptPage[];
	chunks: ChunkNote[];
}

const STATE_FILE = 'index.state';
const RESULTS_DIR = 'results';

const entriesDigest = (entries: Uint8Array) => createHash('sha256').update(entries).digest('hex');

/** The kept index in one folder of the build's cache directory. */
export class KeptIndex {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	/** The result file kept for `key` in `script`. */
	private resultFile(key: string, script: Script): string {
		if (!/^[\w-]+$/.test(key)) throw new Error(`search index: unusable record key ${key}`);
		return path.join(this.dir, RESULTS_DIR, key.slice(0, 2), `${key}.${script}.json`);
	}

	/** The kept state if it was kept under the same `settings` and is whole; otherwise undefined. */
	readState(settings: string): KeptState | undefined {
		try {
			const bytes = readFileSync(path.join(this.dir, STATE_FILE));
			const headEnd = 4 + bytes.readUInt32BE(0);
			const head = JSON.parse(bytes.subarray(4, headEnd).toString('utf8')) as StateHead;
			const entries = bytes.subarray(headEnd);
			if (head.settings !== settings || head.digest !== entriesDigest(entries) || !Array.isArray(head.pages) || !Array.isArray(head.chunks))
				return undefined;
			return { pages: head.pages, entries, chunks: head.chunks };
		} catch {
			return undefined;
		}
	}

	/** Keeps `state` (written beside, then renamed), or forgets the kept one (none: this index cannot be kept). */
	saveState(settings: string, state: KeptState | undefined): void {
		const file = path.join(this.dir, STATE_FILE);
		if (!state) {
			rmSync(file, { force: true });
			return;
		}
		const head: StateHead = { settings, digest: entriesDigest(state.entries), pages: state.pages, chunks: state.chunks };
		const headBytes = Buffer.from(JSON.stringify(head));
		const length = Buffer.alloc(4);
		length.writeUInt32BE(headBytes.length);
		writeFileAtomically(file, Buffer.concat([length, headBytes, state.entries]));
	}

	/**
	 * Links the kept result file of `key` in `script` to `target` (a new name) if it has
	 * `length` bytes; false if there is none of that length (then nothing was made).
	 */
	linkResult(key: string, script: Script, length: number, target: string): boolean {
		const file = this.resultFile(key, script);
		try {
			if (statSync(file).size !== length) return false;
			linkOrCopy(file, target);
			return true;
		} catch {
			return false;
		}
	}

	/** Keeps `file` (a result file just published) as the result file of `key` in `script`, replacing any kept one. */
	keepResult(key: string, script: Script, file: string): void {
		const kept = this.resultFile(key, script);
		mkdirSync(path.dirname(kept), { recursive: true });
		linkAtomically(file, kept);
	}

	/** Removes the result files of every key but `keys`. */
	prune(keys: ReadonlySet<string>): void {
		const root = path.join(this.dir, RESULTS_DIR);
		let folders: string[];
		try {
			folders = readdirSync(root);
		} catch {
			return;
		}
		for (const folder of folders) {
			const full = path.join(root, folder);
			for (const name of readdirSync(full)) {
				if (!keys.has(name.slice(0, name.indexOf('.')))) rmSync(path.join(full, name), { force: true });
			}
		}
	}
}
