/**
 * One piece of work run once in a worker thread, with one answer back: the build links the
 * last build's pages, parses a cold cache's frontmatter and makes the search index this way
 * while the main thread goes on. The module that does the work starts it with
 * {@link startWorkerTask} (naming itself as the worker's file) and, at its top level, serves
 * it with {@link serveWorkerTask}: the worker loads that same module and runs the task whose
 * role it was started for.
 *
 * A task's error comes back as its message (an Error thrown in a worker reaches the main
 * thread as a plain copy anyway); a worker that stops without answering is an error too.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildMessages } from './i18n/messages/build.ts';

/** A task running in a worker thread: its answer, and a way to stop it first. */
export interface WorkerTask<T> {
	answer: Promise<T>;
	stop(): Promise<void>;
}

type Reply<T> = { answer: T } | { error: string };

/** Starts the task `role` that `file` serves ({@link serveWorkerTask}), with `data` (structured-cloned). */
export function startWorkerTask<T>(file: string, role: string, data: unknown): WorkerTask<T> {
	const worker = new Worker(file, { workerData: { role, data } });
	const answer = new Promise<T>((resolve, reject) => {
		worker.once('message', (reply: Reply<T>) => ('answer' in reply ? resolve(reply.answer) : reject(new Error(reply.error))));
		worker.once('error', reject);
		// After an answer this changes nothing; without one, the task did not finish.
		worker.once('exit', (code) => reject(new Error(buildMessages.workerStopped(role, code))));
	});
	return {
		answer,
		async stop() {
			await worker.terminate();
		},
	};
}

/** In a worker thread started for `role`: runs `task` on the data it was given and sends back its answer or its error. */
export function serveWorkerTask<T>(role: string, task: (data: never) => T | Promise<T>): void {
	const started = workerData as { role?: string; data?: unknown } | null;
	if (isMainThread || started?.role !== role) return;
	const reply = async (): Promise<Reply<T>> => {
		try {
			return { answer: await task(started.data as never) };
		} catch (error) {
			return { error: error instanceof Error ? error.message : String(error) };
		}
	};
	void reply().then((message) => parentPort!.postMessage(message));
}
