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
import path from 'node:path';
import type { ReuseCounts } from './incremental.ts';
import type { PostBuildStep } from './post-build.ts';
import { PROJECT_ROOT } from '../content/paths.ts';
import type { LoadedEntry, ValidationResult } from '../content/validate.ts';
import type { Case } from '../../schemas/case.ts';
import type { Issue } from '../../schemas/issue.ts';
import { serveWorkerTask, startWorkerTask } from '../worker-task.ts';

const ROLE = 'compendium-step-alongside';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'build', 'steps-alongside.ts');

/** What a step run in the worker reports back. */
export interface StepReport {
	outcome: string;
	/** Seconds the step itself took, from its start in the worker. */
	seconds: number;
	reused?: { what: 'records' | 'printFiles'; counts: ReuseCounts };
}

/** A step running beside the build: `report` settles when it ends; `stop` ends it early. */
export interface RunningStep {
	report: Promise<StepReport>;
	stop(): Promise<void>;
}

type PlainEntry<T> = Omit<LoadedEntry<T>, 'lineOf'>;
type PlainContent = Omit<ValidationResult, 'cases' | 'issues'> & { cases: Map<string, PlainEntry<Case>>; issues: Map<string, PlainEntry<Issue>> };
type StepTask = { step: { module: string; export: string }; outDir: string; content: PlainContent; cacheDir: string | undefined };

function withoutLineOf<T>(entries: Map<string, LoadedEntry<T>>): Map<string, PlainEntry<T>> {
	return new Map([...entries].map(([id, { lineOf: _lineOf, ...entry }]) => [id, entry]));
}

function withLineOf<T>(entries: Map<string, PlainEntry<T>>): Map<string, LoadedEntry<T>> {
	return new Map([...entries].map(([id, entry]) => [id, { ...entry, lineOf: () => undefined }]));
}

/**
 * Starts `step.module`'s step (a module under src/ exporting `step.export`, a function that
 * returns the step) in a worker thread, writing into `outDir`.
 */
export function startStepAlongside(
	step: { module: string; export: string },
	outDir: string,
	content: ValidationResult,
	cacheDir: string | undefined,
): RunningStep {
	const task: StepTask = {
		step,
		outDir,
		content: { ...content, cases: withoutLineOf(content.cases), issues: withoutLineOf(content.issues) },
		cacheDir,
	};
	const { answer, stop } = startWorkerTask<StepReport>(WORKER_FILE, ROLE, task);
	// Nobody may be waiting yet (the pages are still building): a failure is kept for `report`'s reader.
	answer.catch(() => {});
	return { report: answer, stop };
}

serveWorkerTask(ROLE, async ({ step: listed, outDir, content: plain, cacheDir }: StepTask): Promise<StepReport> => {
	const started = performance.now();
	const content: ValidationResult = { ...plain, cases: withLineOf(plain.cases), issues: withLineOf(plain.issues) };
	let reused: StepReport['reused'];
	const module = (await import(path.join(PROJECT_ROOT, listed.module))) as Record<string, () => PostBuildStep>;
	const outcome = await module[listed.export]!().run(outDir, {
		content,
		ownThreads: false,
		...(cacheDir ? { cacheDir } : {}),
		reuse: (what, counts) => (reused = { what, counts }),
	});
	return { outcome, seconds: (performance.now() - started) / 1000, ...(reused ? { reused } : {}) };
});
