/**
 * Writing a cache file whole or not at all: written beside, then renamed into place, so a
 * reader (the next build) never sees half of it, even when a build stops midway.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `bytes` to `file` (its folder made if missing) beside it first, then renames it into place. */
export function writeFileAtomically(file: string, bytes: Uint8Array | string): void {
	mkdirSync(path.dirname(file), { recursive: true });
	const partial = `${file}.partial-${process.pid}`;
	writeFileSync(partial, bytes);
	renameSync(partial, file);
}
