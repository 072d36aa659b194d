/**
 * What the second script costs, from builds of both scripts and of one run in turns. One
 * pair of builds says little on a shared machine: a build's system time (its 170,000
 * files, the page cache the build before it left dirty) moves its wall time by 10 to 20 s
 * from one run to the next. So the figure is the median of each run's own ratio, with the
 * medians of the two builds beside it.
 */
import { median } from './measure.ts';

/** One turn: the wall seconds of a build of both scripts and of one script, run one after the other. */
export interface ScriptCostRun {
	both: number;
	one: number;
}

/** The medians of a series of turns. */
export interface ScriptCost {
	both: number;
	one: number;
	/** The median of the turns' own ratios (both ÷ one). */
	ratio: number;
	/** Each turn's ratio, in order. */
	ratios: number[];
}

/** Summarises `runs` (at least one). */
export function scriptCost(runs: readonly ScriptCostRun[]): ScriptCost {
	if (!runs.length) throw new Error('scriptCost needs at least one run');
	const ratios = runs.map((run) => run.both / run.one);
	return { both: median(runs.map((run) => run.both)), one: median(runs.map((run) => run.one)), ratio: median(ratios), ratios };
}
