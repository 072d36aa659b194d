/**
 * Writes many small files without waiting for each: the index step writes three per case
 * (a fragment and a result file per script), and creating a file costs the kernel far more
 * than the bytes do, more still when other builds share the disk. Writes run in libuv's
 * thread pool while the main thread goes on filing words; at most `limit` are in flight,
 * so memory stays bounded. Every file is created new (`wx`: an existing name is an error), so a
 * write can never go through a hard link into another file (kept-index.ts).
 */
import { writeFile } from 'node:fs/promises';

/** A bounded queue of file writes: `write`, `await room()` between batches, `await done()` at the end. */
export class FileQueue {
	private readonly pending = new Set<Promise<void>>();
	private failure: unknown;
	private readonly limit: number;

	constructor(limit = 64) {
		this.limit = limit;
	}

	/** Starts writing `bytes` to the new file `file`; a failure is thrown by the next `room` or `done`. */
	write(file: string, bytes: Uint8Array | string): void {
		this.add(writeFile(file, bytes, { flag: 'wx' }));
	}

	/** Counts `task` (a write that starts with other work, such as compressing its bytes) among those in flight. */
	add(task: Promise<unknown>): void {
		const tracked: Promise<void> = task.then(
			() => void this.pending.delete(tracked),
			(error: unknown) => {
				this.pending.delete(tracked);
				this.failure ??= error;
			},
		);
		this.pending.add(tracked);
	}

	/** Resolves once fewer than `limit` writes are in flight. */
	async room(): Promise<void> {
		while (this.pending.size >= this.limit) await Promise.race(this.pending);
		if (this.failure !== undefined) throw this.failure;
	}

	/** Resolves once every write has finished; throws the first failure. */
	async done(): Promise<void> {
		await Promise.all(this.pending);
		if (this.failure !== undefined) throw this.failure;
	}
}
