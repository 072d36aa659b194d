/**
 * Atomic writes: each file is written to a temporary file in the same directory and then
 * renamed over its target, so a crash or Ctrl+C never leaves a half-written case. The
 * temporary name starts with a dot and ends in .tmp, so the content loaders never read it.
 * Directories are made one level at a time: Node's recursive mkdir loops forever under
 * paths such as /proc.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const pending = new Set<string>();

/** Removes temporary files still being written (the CLI's signal handler calls this). */
export function removePendingTempFiles(): void {
	for (const file of pending) rmSync(file, { force: true });
	pending.clear();
}

/** The folders of `dir` that do not exist yet, outermost first, and the nearest one that does. */
export function missingDirs(dir: string): { existing: string; missing: string[] } {
	const missing: string[] = [];
	let current = path.resolve(dir);
	for (;;) {
		try {
			statSync(current);
			return { existing: current, missing };
		} catch {
			missing.unshift(current);
			const parent = path.dirname(current);
			if (parent === current) return { existing: current, missing };
			current = parent;
		}
	}
}

/** Makes `dir` and its missing parents, one level at a time (errors name the level that failed). */
export function ensureDir(dir: string): void {
	for (const level of missingDirs(dir).missing) mkdirSync(level);
}

/**
 * Writes `content` to a temporary file beside `target` (same folder, so the last step is
 * atomic), hands its name to `place` to rename or link it into place, and removes what is left.
 */
export function writeBeside(target: string, content: string, place: (temp: string) => void): void {
	const dir = path.dirname(target);
	ensureDir(dir);
	const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	pending.add(temp);
	try {
		const fd = openSync(temp, 'wx');
		try {
			writeSync(fd, content);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		place(temp);
	} finally {
		rmSync(temp, { force: true });
		pending.delete(temp);
	}
}

/** Writes `content` to `target` through a temporary file and a rename. */
export function writeFileAtomic(target: string, content: string): void {
	writeBeside(target, content, (temp) => renameSync(temp, target));
}
