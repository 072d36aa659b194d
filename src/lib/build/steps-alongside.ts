/**
 * Runs the post-build steps that read only the content, not the pages (the search index),
 * in a worker thread while Astro builds the pages, instead of after it. Astro renders pages
 * on one thread; on a two-core machine the search step's 10–65 s (10,000 cases) then mostly
 * disappear into the page build's time. Only `npm run build` starts them early: its staging
 * folder is new and Astro does not empty it (atomic-build.ts), so the step can write its
 * folders there while Astro writes the pages.
 *
 * The worker gets the validated content as data (a structured clone: the entries without
 * their `lineOf`, which no such step uses) and sends back the step's outcome, its reuse
 * counts, and its error message if it failed. The step starts no threads of its own there
 * (`ownThreads: false`): with its record workers beside Astro, a cold 10,000-case build
 * peaked at 4,115 MiB, over the 4 GiB goal.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import path from 'node:path';
import type { ReuseCounts } from './incremental.ts';
import type { PostBuildStep } from './post-build.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import type { LoadedEntry, ValidationResult } from '../content/validate.ts';

const ROLE = 'compendium-step-alongside';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'build', 'steps-alongside.ts');

/** What a step run in the worker reports back. */
export interface StepReport {
	outcome: string;
	/** Seconds the step itself took, from its start in the worker. */
	seconds: number;
	reused?: { what: 'records' | 'printFiles'; counts: ReuseCounts };
}

type Message = { report: StepReport } | { error: string };

/** A step running beside the build: `report` settles when it ends; `stop` ends it early. */
export interface RunningStep {
	report: Promise<StepReport>;
	stop(): Promise<void>;
}

type PlainEntry<T> = Omit<LoadedEntry<T>, 'lineOf'>;
type PlainContent = Omit<ValidationResult, 'cases' | 'issues'> & {
	cases: Map<string, PlainEntry<ValidationResult['cases'] extends Map<string, LoadedEntry<infer T>> ? T : never>>;
	issues: Map<string, PlainEntry<ValidationResult['issues'] extends Map<string, LoadedEntry<infer T>> ? T : never>>;
};

function withoutLineOf<T>(entries: Map<string, LoadedEntry<T>>): Map<string, PlainEntry<T>> {
	return new Map([...entries].map(([id, { lineOf: _lineOf, ...entry }]) => [id, entry]));
}

function withLineOf<T>(entries: Map<string, PlainEntry<T>>): Map<string, LoadedEntry<T>> {
	return new Map([...entries].map(([id, entry]) => [id, { ...entry, lineOf: () => undefined }]));
}

/**
 * Starts `stepModule`'s step (a module under src/ exporting `export`, a function that
 * returns the step) in a worker thread, writing into `outDir`.
 */
export function startStepAlongside(
	step: { module: string; export: string },
	outDir: string,
	content: ValidationResult,
	cacheDir: string | undefined,
): RunningStep {
	const plain: PlainContent = { ...content, cases: withoutLineOf(content.cases), issues: withoutLineOf(content.issues) };
	const worker = new Worker(WORKER_FILE, { workerData: { role: ROLE, step, outDir, content: plain, cacheDir } });
	const report = new Promise<StepReport>((resolve, reject) => {
		worker.once('message', (message: Message) => {
			if ('report' in message) resolve(message.report);
			else reject(new Error(message.error));
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`${step.export}: the worker thread stopped (exit code ${code})`)));
	});
	// Nobody may be waiting yet (the pages are still building): a failure is kept for `report`'s reader.
	report.catch(() => {});
	return {
		report,
		async stop() {
			await worker.terminate();
		},
	};
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	const data = workerData as { step: { module: string; export: string }; outDir: string; content: PlainContent; cacheDir?: string };
	const started = performance.now();
	const content: ValidationResult = { ...data.content, cases: withLineOf(data.content.cases), issues: withLineOf(data.content.issues) };
	let reused: StepReport['reused'];
	try {
		const module = (await import(path.join(PROJECT_ROOT, data.step.module))) as Record<string, () => PostBuildStep>;
		const step = module[data.step.export]!();
		const outcome = await step.run(data.outDir, {
			content,
			ownThreads: false,
			...(data.cacheDir ? { cacheDir: data.cacheDir } : {}),
			reuse: (what, counts) => (reused = { what, counts }),
		});
		const message: Message = { report: { outcome, seconds: (performance.now() - started) / 1000, ...(reused ? { reused } : {}) } };
		parentPort!.postMessage(message);
	} catch (error) {
		const message: Message = { error: error instanceof Error ? error.message : String(error) };
		parentPort!.postMessage(message);
	}
}
