/**
 * The benchmarks' one way to build a generated corpus: `npm run build`'s own script in a
 * child process (so its whole process tree is measured), with its own output and Astro
 * cache in the work directory, PDFs off unless asked for. Astro's own phase timings
 * (ASTRO_TIMER_PATH) come back with it.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PDF_SWITCH } from '../print/step.ts';
import type { Measurement } from './measure.ts';
import type { BenchContext } from './section.ts';

/** HTML pages in a built site. */
export function countPages(dir: string): number {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

/** How to build: extra environment, another content folder, another cache (default: `<outName>-cache`). */
export interface CorpusBuildOptions {
	env?: NodeJS.ProcessEnv;
	content?: string;
	cacheDir?: string;
}

/**
 * Seconds of each phase Astro times when ASTRO_TIMER_PATH is set ("Sync content layer",
 * "Prerender build" (bundling), "Static generate" (pages, copied or rendered), "Total build"…).
 */
export type AstroPhases = Record<string, number>;

function readAstroPhases(file: string): AstroPhases {
	if (!existsSync(file)) return {};
	const stats = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { elapsedTime: number }>;
	return Object.fromEntries(Object.entries(stats).map(([phase, stat]) => [phase, stat.elapsedTime / 1000]));
}

/** Builds the corpus into `<workDir>/<outName>`; throws with the build's output when it fails. */
export async function buildCorpus(
	context: BenchContext,
	outName: string,
	options: CorpusBuildOptions = {},
): Promise<{ out: string; result: Measurement; astroPhases: AstroPhases }> {
	const out = path.join(context.workDir, outName);
	const timings = path.join(context.workDir, `${outName}-astro-timings.json`);
	const result = await context.measure(process.execPath, [path.join(context.projectRoot, 'scripts/build.ts'), '--out', out], {
		cwd: context.projectRoot,
		env: {
			...process.env,
			COMPENDIUM_CONTENT: options.content ?? context.corpusDir,
			COMPENDIUM_CACHE_DIR: options.cacheDir ?? path.join(context.workDir, `${outName}-cache`),
			[PDF_SWITCH]: 'off',
			ASTRO_TIMER_PATH: timings,
			...options.env,
		},
	});
	if (result.exitCode !== 0) throw new Error(`benchmark build failed:\n${result.output.slice(-3000)}`);
	return { out, result, astroPhases: readAstroPhases(timings) };
}

/** Removes what {@link buildCorpus} made under `outName` (the output and its cache), so the next build of that name starts cold and the disk does not fill. */
export function removeBuild(context: BenchContext, outName: string): void {
	for (const dir of [path.join(context.workDir, outName), path.join(context.workDir, `${outName}-cache`)])
		rmSync(dir, { recursive: true, force: true });
}

/** The integration's step lines of a build's output: "<time> [case-compendium] <line>" → "<line>". */
export function stepLines(output: string): string[] {
	return output
		.split('\n')
		.map((line) => /\[case-compendium\] (.*)$/.exec(line)?.[1])
		.filter((line): line is string => line !== undefined);
}
