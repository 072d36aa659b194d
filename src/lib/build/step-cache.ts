/**
 * A content-addressed store for what the post-build steps make (search records, PDFs and
 * Word files), in a folder of Astro's cache directory. An entry's name is a digest of
 * everything that went into it (content, settings, code), so a hit can only return what
 * the same inputs would make again: the cache never decides what is stale, the key does.
 * Entries no build used since the store was opened are removed by {@link StepCache.prune},
 * so the folder holds about one build's worth.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { linkAtomically } from '../files/link-file.ts';
import { writeFileAtomically } from '../files/write-atomically.ts';

/** One step's store: read and write entries by name, then prune the unused ones. */
export class StepCache {
	readonly dir: string;
	private readonly used = new Set<string>();

	constructor(dir: string) {
		this.dir = dir;
	}

	private file(name: string): string {
		if (!/^[\w.-]+$/.test(name)) throw new Error(`step cache: unusable entry name ${name}`);
		// Two-letter folders keep any one folder small at 10,000 entries.
		return path.join(this.dir, name.slice(0, 2), name);
	}

	/** The bytes stored under `name`, or undefined; a hit keeps the entry from {@link prune}. */
	read(name: string): Buffer | undefined {
		try {
			const bytes = readFileSync(this.file(name));
			this.used.add(name);
			return bytes;
		} catch {
			return undefined;
		}
	}

	/** Stores `bytes` under `name` (written beside, then renamed: a reader never sees half an entry). */
	write(name: string, bytes: Uint8Array | string): void {
		writeFileAtomically(this.file(name), bytes);
		this.used.add(name);
	}

	/** Whether an entry `name` is stored (without reading it or keeping it from {@link prune}). */
	has(name: string): boolean {
		return existsSync(this.file(name));
	}

	/**
	 * Puts the entry `name` at `target` as a hard link (replacing whatever is there), or as a
	 * copy where links are refused; false, with `target` untouched, when there is no such entry.
	 * An entry is never written in place (see {@link write}), so the link keeps its bytes as
	 * long as nobody writes through `target` either: replace such a file, never overwrite it.
	 */
	linkTo(name: string, target: string): boolean {
		try {
			linkAtomically(this.file(name), target);
		} catch {
			return false;
		}
		this.used.add(name);
		return true;
	}

	/** Keeps `name` from {@link prune}: an entry this build used through another store on the same folder (a worker thread's). */
	keep(name: string): void {
		this.used.add(name);
	}

	/** Removes every entry not read or written since this store was opened; returns how many. */
	prune(): number {
		let removed = 0;
		let folders: string[];
		try {
			folders = readdirSync(this.dir);
		} catch {
			return 0;
		}
		for (const folder of folders) {
			const full = path.join(this.dir, folder);
			for (const name of readdirSync(full)) {
				if (this.used.has(name)) continue;
				rmSync(path.join(full, name), { force: true });
				removed++;
			}
		}
		return removed;
	}
}
