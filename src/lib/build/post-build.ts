/**
 * The shape of a step that runs over the built site before it is published (search index,
 * PDFs). The integration (src/integration.ts) lists the steps and runs them in
 * `astro:build:done`; each gets the output directory and returns a one-line outcome for the log.
 * Types only: the steps import this module, and this module imports nothing but types from them.
 */
import type { ValidationResult } from '../content/validate.ts';
import type { ReuseCounts } from './incremental.ts';
import type { PrintResult } from '../print/printer.ts';

/** What every step gets besides the output directory. */
export interface PostBuildContext {
	/** The content as the build validated it, so steps do not read and check it again. */
	content: ValidationResult;
	/**
	 * Where a step may keep what it made for the next build (a folder per step under it);
	 * left out, the step makes everything (COMPENDIUM_INCREMENTAL=off, the dev server).
	 */
	cacheDir?: string;
	/**
	 * Whether the step may start worker threads of its own (default: yes). A step run beside
	 * Astro's page build (steps-alongside.ts) may not: the pages keep one of the two cores, and
	 * the threads' memory would add to Astro's at its peak.
	 */
	ownThreads?: boolean;
	/**
	 * PDFs printed while Astro built the pages (print/alongside.ts), for the print step to take
	 * where what their printing read is unchanged; settles once no more are printed.
	 */
	printedEarly?: Promise<readonly PrintedEarly[]>;
	/** Called once by a step that used its cache, with what it reused and rebuilt. */
	reuse?: (what: 'records' | 'printFiles', counts: ReuseCounts) => void;
}

/** A PDF printed during the page build, with the digest of what its printing read (print-key.ts' `printPageDigest`). */
export type PrintedEarly = PrintResult & { pageDigest: string };

/** One step over the built site: `run` returns its outcome in one line. */
export interface PostBuildStep {
	name: string;
	run(outDir: string, context: PostBuildContext): Promise<string>;
}
