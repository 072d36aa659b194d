/**
 * Hard links between the build's cache and its output: one file on disk under two names,
 * instead of a copy of each reused result file and print file (4,000 PDFs and Word files,
 * 20,000 result files at 10,000 cases). Safe only because nobody writes through either
 * name: files are replaced whole (written or linked beside, then renamed over the old name),
 * which leaves the bytes seen through the other name as they were.
 */
import { copyFileSync, linkSync, renameSync, rmSync } from 'node:fs';

/**
 * Links `from` to `to` (a new name), or copies it where a link cannot be made (another file
 * system, links refused); throws when `from` is missing or the copy fails.
 */
export function linkOrCopy(from: string, to: string): void {
	try {
		linkSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
		copyFileSync(from, to);
	}
}

/** Puts `from` at `to` whole, replacing what is there: linked (or copied) beside `to`, then renamed over it. */
export function linkAtomically(from: string, to: string): void {
	const partial = `${to}.partial-${process.pid}`;
	rmSync(partial, { force: true });
	try {
		linkOrCopy(from, partial);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
	renameSync(partial, to);
}
