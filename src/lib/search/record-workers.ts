/**
 * Makes search records in worker threads, one per core: a record (the case's MDX read into
 * plain text, folded, cut into words, its result converted into the other script) costs
 * milliseconds, and 10,000 of them are most of the search step. The index itself is written
 * on the main thread, in date order, as records come back.
 *
 * Workers need the record context as data, not functions: the site's converter is built
 * again in each worker from the same content files (siteConverter), and method names and
 * issue labels travel as tables. This file is both the pool and the worker's entry point.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { StepCache } from '../build/step-cache.ts';
import type { Case } from '../../schemas/case.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import type { LoadedEntry } from '../content/validate.ts';
import { siteConverter } from '../convert/site-converter.ts';
import { documentFromCase } from './document.ts';
import { parseFoldMap, serializeFoldMap, type FoldMap } from './fold.ts';
import { buildRecord, storeRecord, writePageFiles, type IndexedRecord, type PageDirs, type RecordContext } from './record.ts';

/** What a worker needs to make records: everything in the record context that is not the site's converter. */
export interface WorkerContext {
	base: string;
	/** Method display names by slug. */
	methods: Record<string, string>;
	/** Issue labels by id and script. */
	issueLabels: Record<string, Partial<Record<Script, string>>>;
}

/** One record to make: a case as loaded (what `documentFromCase` reads) and the issues that print it. */
export interface RecordTask {
	entry: Pick<LoadedEntry<Case>, 'id' | 'data' | 'body'>;
	issueIds: string[];
}

/** Where a worker stores a record it made: the record cache's folder and the entry's name (build/step-cache.ts). */
export interface CacheEntry {
	dir: string;
	name: string;
}

/** What a worker is sent: the task, the page id and folders for the page files, and where to store the record, if anywhere. */
interface Message {
	task: RecordTask;
	id: string;
	dirs: PageDirs;
	store?: CacheEntry;
}

const ROLE = 'compendium-search-records';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'search', 'record-workers.ts');

/** The record context of a worker context, with the site's converter. */
export function recordContext(context: WorkerContext): Omit<RecordContext, 'fold'> {
	const converter = siteConverter();
	return {
		base: context.base,
		convert: (text, from, to) => converter.convert(text, from, to),
		methodName: (slug) => context.methods[slug],
		issueLabel: (id, script) => context.issueLabels[id]?.[script],
	};
}

/** The worker context of a record context, for the given method slugs and issue ids. */
export function workerContext(context: Omit<RecordContext, 'fold' | 'convert'>, methods: Iterable<string>, issues: Iterable<string>): WorkerContext {
	const names: Record<string, string> = {};
	for (const slug of methods) {
		const name = context.methodName(slug);
		if (name !== undefined) names[slug] = name;
	}
	const labels: WorkerContext['issueLabels'] = {};
	for (const id of issues)
		labels[id] = Object.fromEntries(SCRIPTS.map((script) => [script, context.issueLabel(id, script)]).filter(([, label]) => label !== undefined));
	return { base: context.base, methods: names, issueLabels: labels };
}

interface Job {
	message: Message;
	resolve(made: IndexedRecord): void;
	reject(error: Error): void;
}

/**
 * Jobs sent to one worker before it has answered the first: the main thread answers a
 * worker's message only between the pages it files, so a worker with one job at a time
 * waits for the main thread as often as the main thread waits for it.
 */
const IN_FLIGHT = 4;

/** Worker threads making records and writing their page files. */
export class RecordPool {
	private readonly workers: Worker[] = [];
	private readonly queue: Job[] = [];
	/** Each worker's jobs, in the order sent (a worker answers in that order). */
	private readonly running = new Map<Worker, Job[]>();
	private failure: Error | undefined;

	/**
	 * A pool of `size` workers folding with `fold` (sent along: building it from OpenCC's
	 * dictionaries costs each worker a second), or undefined when workers cannot be used
	 * here (one core, or no source file to start).
	 */
	static open(context: WorkerContext, fold: FoldMap, size = availableParallelism()): RecordPool | undefined {
		if (size < 2 || !existsSync(WORKER_FILE)) return undefined;
		return new RecordPool(context, serializeFoldMap(fold), size);
	}

	private constructor(context: WorkerContext, fold: string, size: number) {
		for (let i = 0; i < size; i++) {
			const worker = new Worker(WORKER_FILE, { workerData: { role: ROLE, context, fold } });
			worker.on('message', (made: IndexedRecord) => this.done(worker, made));
			worker.on('error', (error) => this.fail(error));
			this.workers.push(worker);
			this.running.set(worker, []);
		}
	}

	/** How many workers the pool has. */
	get size(): number {
		return this.workers.length;
	}

	/** Makes one record and writes its page files (record.ts `writePageFiles`); `store`: also keep it in the record cache there. */
	make(task: RecordTask, id: string, dirs: PageDirs, store?: CacheEntry): Promise<IndexedRecord> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise((resolve, reject) => {
			this.queue.push({ message: { task, id, dirs, ...(store ? { store } : {}) }, resolve, reject });
			this.next();
		});
	}

	private next(): void {
		while (this.queue.length) {
			// The least busy worker, if it has room.
			let worker: Worker | undefined;
			for (const candidate of this.workers) {
				const jobs = this.running.get(candidate)!;
				if (jobs.length < IN_FLIGHT && (!worker || jobs.length < this.running.get(worker)!.length)) worker = candidate;
			}
			if (!worker) return;
			const job = this.queue.shift()!;
			this.running.get(worker)!.push(job);
			worker.postMessage(job.message);
		}
	}

	private done(worker: Worker, made: IndexedRecord): void {
		const job = this.running.get(worker)?.shift();
		job?.resolve(made);
		this.next();
	}

	private fail(error: Error): void {
		this.failure = new Error(`search index: a record worker failed: ${error.message}`, { cause: error });
		for (const job of [...[...this.running.values()].flat(), ...this.queue]) job.reject(this.failure);
		for (const jobs of this.running.values()) jobs.length = 0;
		this.queue.length = 0;
	}

	/** Stops the workers. */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.terminate()));
	}
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const data = workerData as { context: WorkerContext; fold: string };
	const context: RecordContext = { ...recordContext(data.context), fold: parseFoldMap(data.fold) };
	const caches = new Map<string, StepCache>();
	parentPort!.on('message', ({ task, id, dirs, store }: Message) => {
		const built = buildRecord(documentFromCase(task.entry, task.issueIds), context);
		const made: IndexedRecord = writePageFiles(built, id, dirs);
		if (store) {
			const cache = caches.get(store.dir) ?? caches.set(store.dir, new StepCache(store.dir)).get(store.dir)!;
			cache.write(store.name, storeRecord(built));
		}
		parentPort!.postMessage(made);
	});
}
