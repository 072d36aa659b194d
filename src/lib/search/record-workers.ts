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

/** A record made by a worker: its page files written, and the record in the cache's form when asked for. */
export type MadeRecord = IndexedRecord & { stored?: Uint8Array };

/** What a worker is sent: the task, the page id and folders for the page files, and whether to return the cache form. */
interface Message {
	task: RecordTask;
	id: string;
	dirs: PageDirs;
	store: boolean;
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
	resolve(made: MadeRecord): void;
	reject(error: Error): void;
}

/** Worker threads making records and writing their page files. */
export class RecordPool {
	private readonly workers: Worker[] = [];
	private readonly idle: Worker[] = [];
	private readonly queue: Job[] = [];
	private readonly running = new Map<Worker, Job>();
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
			worker.on('message', (made: MadeRecord) => this.done(worker, made));
			worker.on('error', (error) => this.fail(error));
			this.workers.push(worker);
			this.idle.push(worker);
		}
	}

	/** How many workers the pool has. */
	get size(): number {
		return this.workers.length;
	}

	/** Makes one record and writes its page files (record.ts `writePageFiles`); `store`: also return the cache form. */
	make(task: RecordTask, id: string, dirs: PageDirs, store: boolean): Promise<MadeRecord> {
		if (this.failure) return Promise.reject(this.failure);
		return new Promise((resolve, reject) => {
			this.queue.push({ message: { task, id, dirs, store }, resolve, reject });
			this.next();
		});
	}

	private next(): void {
		while (this.idle.length && this.queue.length) {
			const worker = this.idle.pop()!;
			const job = this.queue.shift()!;
			this.running.set(worker, job);
			worker.postMessage(job.message);
		}
	}

	private done(worker: Worker, made: MadeRecord): void {
		const job = this.running.get(worker);
		this.running.delete(worker);
		this.idle.push(worker);
		job?.resolve(made);
		this.next();
	}

	private fail(error: Error): void {
		this.failure = new Error(`search index: a record worker failed: ${error.message}`, { cause: error });
		for (const job of [...this.running.values(), ...this.queue]) job.reject(this.failure);
		this.running.clear();
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
	parentPort!.on('message', ({ task, id, dirs, store }: Message) => {
		const built = buildRecord(documentFromCase(task.entry, task.issueIds), context);
		const made: MadeRecord = writePageFiles(built, id, dirs);
		if (store) made.stored = storeRecord(built);
		parentPort!.postMessage(made);
	});
}
