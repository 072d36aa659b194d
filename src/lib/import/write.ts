/**
 * Atomic writes: each file is written to a temporary file in the same directory and then
 * renamed over its target, so a crash or Ctrl+C never leaves a half-written case. The
 * temporary name starts with a dot and ends in .tmp, so the content loaders never read it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync, existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const pending = new Set<string>();

/** Temporary files still being written (removed by the CLI's signal handler). */
export function pendingTempFiles(): string[] {
	return [...pending];
}

export function removePendingTempFiles(): void {
	for (const file of pending) rmSync(file, { force: true });
	pending.clear();
}

export function writeFileAtomic(target: string, content: string): void {
	const dir = path.dirname(target);
	mkdirSync(dir, { recursive: true });
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
		renameSync(temp, target);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	} finally {
		pending.delete(temp);
	}
}

/** Targets that exist already (to refuse overwriting without --force). */
export function existingTargets(targets: string[]): string[] {
	return targets.filter((t) => existsSync(t));
}
