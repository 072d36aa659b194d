/**
 * Creating a file that must not exist yet, atomically: the text goes to a temporary file
 * in the same folder, which is then hard-linked to the target name. link(2) fails when the
 * target exists, so an editor's file is never replaced, even by a race, and a crash leaves
 * either nothing or the whole file.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Thrown when the target already exists. */
export class FileExistsError extends Error {
	readonly file: string;
	constructor(file: string) {
		super(`${file} already exists`);
		this.name = 'FileExistsError';
		this.file = file;
	}
}

/** Writes `content` to `target`, which must not exist; throws {@link FileExistsError} if it does. */
export function writeNewFile(target: string, content: string): void {
	const dir = path.dirname(target);
	mkdirSync(dir, { recursive: true });
	const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	try {
		const fd = openSync(temp, 'wx');
		try {
			writeSync(fd, content);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		try {
			linkSync(temp, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
			throw error;
		}
	} finally {
		rmSync(temp, { force: true });
	}
}
