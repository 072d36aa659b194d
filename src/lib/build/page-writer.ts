/**
 * The files Astro writes while it makes the pages (each page, each open-data record, and each
 * page's copy in Astro's cache of keyed pages), written by one worker thread instead of
 * by Node's thread pool one call at a time on Astro's own thread.
 *
 * Why: Astro makes its pages one after another, and each page cost its thread a folder, a
 * file opened, written and closed, and the same again for the cache copy: every call a
 * round trip through the thread pool, about 0.6 ms of Astro's thread per page on a loaded
 * machine (19 s of a 10,000-case build's 32,000 pages), with the thread waiting on the
 * writes besides. Here Astro's call returns once the write is posted to the worker (its
 * bytes copied into the message), and the worker makes the folders and files with plain
 * synchronous calls, in order, answering for whatever it has done each time it runs dry.
 *
 * What each write did before, it still does:
 * - A write replaces its file rather than writing into it: a page of the last build is a
 *   hard link shared with Astro's cache and the published site (linked-pages.ts), and must
 *   keep its bytes there.
 * - Astro's cache copy of a page it has just written (the very same Buffer, written next to
 *   `<cache>/…` under the same relative path) becomes a hard link to that page: one file
 *   written instead of two.
 * - A file is announced to the listeners of written-files.ts only once it is complete.
 * - A write that fails fails the build: {@link PageWriter.flush} rejects with it, and the
 *   integration flushes when Astro reports its pages generated, before anything reads them.
 *
 * Astro's bundling writes code into `.prerender/` and assets into `_astro/` of the same
 * folder, and reads them back: those writes are left to Node as before.
 */
import fs, { copyFileSync, linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildMessages } from '../i18n/messages/build.ts';
import { announceWritten } from './written-files.ts';

/** One file-system call taken over from Astro, in the order Astro made them. */
type Operation =
	| { kind: 'folder'; target: string }
	| { kind: 'write'; target: string; bytes: Uint8Array | string }
	| { kind: 'link'; target: string; from: string }
	| { kind: 'copy'; target: string; from: string };

/** What the worker answers: how many calls it carried out since its last answer and their bytes, the files now complete; or why it stopped. */
type Answer = { carriedOut: number; bytes: number; done: string[] } | { failed: { file: string; reason: string } };

/** Bytes queued for the worker beyond which Astro's next write waits for it to catch up. */
const QUEUE_LIMIT_BYTES = 16 * 1024 * 1024;
const ROLE = 'compendium-page-writer';

/** The folders whose writes are taken over. */
export interface PageWriterFolders {
	/** The build's output folder. */
	pages: string;
	/** Astro's cache of keyed pages (linked-pages.ts' `cachedPagesDir`), when the build is incremental. */
	cache?: string;
}

/** A page writer in force. */
export interface PageWriter {
	/** Every file written into the output folder so far (queued writes included). */
	written: Set<string>;
	/** Resolves once every queued write has landed; rejects with the first that failed. */
	flush(): Promise<void>;
	/** Flushes, stops the worker and gives Node's own calls back. */
	close(): Promise<void>;
}

const SLOT = Symbol.for('case-compendium.page-writer');
type Holder = { [SLOT]?: PageWriter };

/**
 * Waits for the page writer in force to land every write (the integration, once Astro's pages
 * are generated); resolves at once when there is none (`astro build` alone). The writer lives
 * on `globalThis` because Astro loads the integration through its own module loader.
 */
export async function pagesWritten(): Promise<void> {
	await (globalThis as Holder)[SLOT]?.flush();
}

/** The bytes a write holds, as both threads count them. */
const byteSize = (bytes: Uint8Array | string) => (typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength);
const pathOf = (file: unknown): string | undefined =>
	file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? path.resolve(file) : undefined;
const within = (file: string, dir: string) => file.startsWith(dir + path.sep);

/** Takes over writes into `folders` until {@link PageWriter.close}. */
export function writePagesInWorker(folders: PageWriterFolders): PageWriter {
	const promises = fs.promises;
	const original = { writeFile: promises.writeFile, mkdir: promises.mkdir, copyFile: promises.copyFile };
	const pagesDir = path.resolve(folders.pages);
	const cacheDir = folders.cache && path.resolve(folders.cache);
	const leftAlone = [path.join(pagesDir, '.prerender'), path.join(pagesDir, '_astro')];
	const taken = (target: string | undefined): target is string =>
		target !== undefined &&
		((within(target, pagesDir) && !leftAlone.some((dir) => target === dir || within(target, dir))) || (!!cacheDir && within(target, cacheDir)));

	const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { role: ROLE } });
	const written = new Set<string>();
	/** The page (relative to the output folder) each Buffer was last written to. */
	const pageOf = new WeakMap<object, string>();
	let queuedBytes = 0;
	let sent = 0;
	let carriedOut = 0;
	let failure: Error | undefined;
	let waiters: (() => void)[] = [];
	const wake = () => {
		const woken = waiters;
		waiters = [];
		for (const resolve of woken) resolve();
	};
	worker.on('message', (answer: Answer) => {
		if ('failed' in answer) failure ??= new Error(buildMessages.pageWriteFailed(answer.failed.file, answer.failed.reason));
		else {
			carriedOut += answer.carriedOut;
			queuedBytes -= answer.bytes;
			for (const file of answer.done) announceWritten(file);
		}
		wake();
	});
	worker.on('error', (error) => {
		failure ??= error;
		wake();
	});
	worker.on('exit', (code) => {
		if (carriedOut < sent) failure ??= new Error(buildMessages.workerStopped(ROLE, code));
		wake();
	});

	const waitFor = (done: () => boolean) =>
		new Promise<void>((resolve, reject) => {
			const check = () => {
				if (failure) reject(failure);
				else if (done()) resolve();
				else waiters.push(check);
			};
			check();
		});
	const enqueue = async (operation: Operation) => {
		if (failure) throw failure;
		// Posting copies the bytes: the caller's Buffer is free again when this returns, and no copy
		// of it is made on this thread's heap (whose growth would set off collections).
		worker.postMessage(operation);
		sent++;
		queuedBytes += operation.kind === 'write' ? byteSize(operation.bytes) : 0;
		// Astro makes pages faster than they can be written at times: past the limit it waits, so the queue never holds the whole site.
		if (queuedBytes > QUEUE_LIMIT_BYTES) await waitFor(() => queuedBytes <= QUEUE_LIMIT_BYTES / 2);
	};

	const writeFile: typeof promises.writeFile = async (file, data, options) => {
		const target = pathOf(file);
		const plain = options === undefined || options === null || options === 'utf8' || options === 'utf-8';
		if (!taken(target) || !plain || !(typeof data === 'string' || ArrayBuffer.isView(data)))
			return original.writeFile.call(promises, file, data, options);
		if (within(target, pagesDir)) written.add(target);
		const relativeToCache = cacheDir && within(target, cacheDir) ? path.relative(cacheDir, target) : undefined;
		if (relativeToCache !== undefined && typeof data === 'object' && pageOf.get(data) === relativeToCache) {
			pageOf.delete(data);
			return enqueue({ kind: 'link', target, from: path.join(pagesDir, relativeToCache) });
		}
		const bytes =
			typeof data === 'string'
				? data
				: new Uint8Array((data as ArrayBufferView).buffer, (data as ArrayBufferView).byteOffset, (data as ArrayBufferView).byteLength);
		if (typeof data === 'object' && within(target, pagesDir)) pageOf.set(data, path.relative(pagesDir, target));
		return enqueue({ kind: 'write', target, bytes });
	};
	const mkdir = (async (dir: fs.PathLike, options?: fs.MakeDirectoryOptions | fs.Mode | null) => {
		const target = pathOf(dir);
		const recursive = typeof options === 'object' && options?.recursive === true;
		if (!taken(target) || !recursive) return original.mkdir.call(promises, dir, options as fs.MakeDirectoryOptions);
		await enqueue({ kind: 'folder', target });
		// What a recursive mkdir answers for a folder that may already exist: Astro does not read it.
		return undefined;
	}) as typeof promises.mkdir;
	const copyFile: typeof promises.copyFile = async (from, to, mode) => {
		const target = pathOf(to);
		const source = pathOf(from);
		if (!taken(target) || source === undefined || mode !== undefined) return original.copyFile.call(promises, from, to, mode);
		if (within(target, pagesDir)) written.add(target);
		return enqueue({ kind: 'copy', target, from: source });
	};
	promises.writeFile = writeFile;
	promises.mkdir = mkdir;
	promises.copyFile = copyFile;

	const flush = () => waitFor(() => carriedOut === sent);
	const writer: PageWriter = {
		written,
		flush,
		async close() {
			try {
				await flush();
			} finally {
				if (promises.writeFile === writeFile) promises.writeFile = original.writeFile;
				if (promises.mkdir === mkdir) promises.mkdir = original.mkdir;
				if (promises.copyFile === copyFile) promises.copyFile = original.copyFile;
				if ((globalThis as Holder)[SLOT] === writer) delete (globalThis as Holder)[SLOT];
				await worker.terminate();
			}
		},
	};
	(globalThis as Holder)[SLOT] = writer;
	return writer;
}

/** In the worker: `write`, after removing a file already there (it may be a link shared with another copy). */
function replacing(target: string, write: () => void): void {
	try {
		write();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') {
			unlinkSync(target);
			write();
		} else if (code === 'ENOENT') {
			mkdirSync(path.dirname(target), { recursive: true });
			write();
		} else throw error;
	}
}

/** In the worker: one call, in order after the ones before it; the folders it made are remembered. */
function carryOut(operation: Operation, made: Set<string>): void {
	const folder = (dir: string) => {
		if (made.has(dir)) return;
		mkdirSync(dir, { recursive: true });
		made.add(dir);
	};
	const { target } = operation;
	if (operation.kind === 'folder') return folder(target);
	folder(path.dirname(target));
	if (operation.kind === 'write') replacing(target, () => writeFileSync(target, operation.bytes, { flag: 'wx' }));
	else if (operation.kind === 'copy') replacing(target, () => copyFileSync(operation.from, target, fs.constants.COPYFILE_EXCL));
	else {
		try {
			replacing(target, () => linkSync(operation.from, target));
		} catch {
			// Links refused (another file system): a copy of the same bytes.
			replacing(target, () => copyFileSync(operation.from, target, fs.constants.COPYFILE_EXCL));
		}
	}
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const made = new Set<string>();
	let failed = false;
	let done: string[] = [];
	let carriedOut = 0;
	let bytes = 0;
	let answerScheduled = false;
	// One answer for all the calls carried out before the worker ran dry, not one per call.
	const answer = () => {
		answerScheduled = false;
		parentPort!.postMessage({ carriedOut, bytes, done } satisfies Answer);
		done = [];
		carriedOut = 0;
		bytes = 0;
	};
	parentPort!.on('message', (operation: Operation) => {
		// After a failure the calls are counted, not carried out: the build stops anyway.
		if (!failed) {
			try {
				carryOut(operation, made);
				if (operation.kind !== 'folder') done.push(operation.target);
			} catch (error) {
				failed = true;
				const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
				parentPort!.postMessage({ failed: { file: operation.target, reason } } satisfies Answer);
			}
		}
		carriedOut++;
		if (operation.kind === 'write') bytes += byteSize(operation.bytes);
		if (!answerScheduled) {
			answerScheduled = true;
			setImmediate(answer);
		}
	});
}
