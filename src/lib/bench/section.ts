/**
 * The shape of a benchmark section and what it is given. Types only, so the sections and
 * the list of them (sections.ts) can import it without importing each other.
 */
import type { Measurement } from './measure.ts';

/** What every section gets: the generated corpus, a work directory and the measuring tool. */
export interface BenchContext {
	corpusDir: string;
	workDir: string;
	caseCount: number;
	projectRoot: string;
	measure: (command: string, args: string[], options?: { env?: NodeJS.ProcessEnv; cwd?: string }) => Promise<Measurement>;
	/** How many turns of builds a section that compares builds runs (the build section: both scripts, then one). */
	runs: number;
	/** The incremental section seeds the print cache instead of printing every issue cold (bench/print-seed.ts). */
	seedPrint?: boolean;
}

/** One capability's benchmark: a name for --only, a line of description, and its figures. */
export interface BenchSection {
	name: string;
	description: string;
	run(context: BenchContext): Promise<string[]>;
}
