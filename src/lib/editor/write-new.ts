/**
 * Creating a file that must not exist yet, atomically: the text goes to a temporary file
 * in the same folder, which is then hard-linked to the target name. link(2) fails when the
 * target exists, so an editor's file is never replaced, even by a race, and a crash leaves
 * either nothing or the whole file.
 */
import { linkSync } from 'node:fs';
import { writeBeside } from '../import/write.ts';

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
	writeBeside(target, content, (temp) => {
		try {
			linkSync(temp, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(target);
			throw error;
		}
	});
}
