/**
 * Writing a cache file whole or not at all: written beside, then renamed into place, so a
 * reader (the next build) never sees half of it, even when a build stops midway.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Numbers this process's files written beside, so two writes of one file at once do not share one. */
let written = 0;

/** The name `file` is written under before it is renamed into place. */
const partialOf = (file: string) => `${file}.partial-${process.pid}-${++written}`;

/** Writes `bytes` to `file` (its folder made if missing) beside it first, then renames it into place. */
export function writeFileAtomically(file: string, bytes: Uint8Array | string): void {
	mkdirSync(path.dirname(file), { recursive: true });
	const partial = partialOf(file);
	writeFileSync(partial, bytes);
	renameSync(partial, file);
}

/**
 * {@link writeFileAtomically} off the main thread, for many files at once (20,000 rendered
 * bodies in a cold 10,000-case build): the calling thread goes on while Node's thread pool
 * writes. `file`'s folder must exist.
 */
export async function writeFileAtomicallyInBackground(file: string, bytes: Uint8Array | string): Promise<void> {
	const partial = partialOf(file);
	await writeFile(partial, bytes);
	await rename(partial, file);
}
