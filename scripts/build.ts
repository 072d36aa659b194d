/**
 * `npm run build`: validates content, builds the site into a staging directory, runs
 * the post-build steps (search index, PDF issues), and only then swaps it into dist/.
 * A failed build leaves the previous dist/ untouched and no half-written output.
 *
 *   --out DIR   publish somewhere other than dist/
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, styleText } from 'node:util';
import { PROJECT_ROOT } from '../src/lib/content/paths.ts';
import { formatProblems, validateContent } from '../src/lib/content/validate.ts';
import { postBuildSteps } from '../src/lib/build/post-build.ts';
import { incrementalOutcome, readIncrementalManifest } from '../src/lib/build/incremental.ts';

// Vite and Vitest export their own variables (BASE_URL, DEV, MODE, NODE_ENV=test …) to child
// processes; Astro would read them as this build's settings (drafts shown, base dropped).
for (const key of ['BASE_URL', 'DEV', 'PROD', 'MODE', 'SSR', 'ASSETS_PREFIX', 'SITE']) delete process.env[key];
if (process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'development') delete process.env.NODE_ENV;

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' }, internal: { type: 'boolean' } } });
if (values.internal) process.env.COMPENDIUM_EDITION = 'internal'; // the internal edition (内部资料 issues included)
const outDir = path.resolve(PROJECT_ROOT, values.out);
const staging = path.resolve(PROJECT_ROOT, '.tmp', `build-${process.pid}`);
const started = performance.now();

// The extra case checks only warn (conversion risks, for `npm run check`): a build needs the
// errors alone, and skipping them saves about 3 s per 1,000 cases.
const validation = validateContent();
const errors = validation.problems.filter((p) => p.severity === 'error');
if (errors.length) {
	console.error(formatProblems(errors));
	console.error(
		styleText('red', `Build stopped: ${errors.length} content error(s). Nothing was written. Fix them and run again (npm run check lists them).`),
	);
	process.exit(1);
}

const cleanUp = () => rmSync(staging, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		cleanUp();
		process.exit(130);
	});
}

try {
	mkdirSync(path.dirname(staging), { recursive: true });
	process.env.COMPENDIUM_OUT_DIR = staging;
	process.env.COMPENDIUM_CACHE_DIR ??= path.resolve(PROJECT_ROOT, 'node_modules/.astro');
	const { build } = await import('astro');
	const cacheBefore = readIncrementalManifest(process.env.COMPENDIUM_CACHE_DIR);
	await build({ root: PROJECT_ROOT, logLevel: process.env.CI ? 'warn' : 'info' });
	const reuse = incrementalOutcome(cacheBefore, readIncrementalManifest(process.env.COMPENDIUM_CACHE_DIR));
	if (reuse.reused + reuse.rendered > 0) console.log(`incremental: ${reuse.reused} case/issue page(s) reused from the previous build, ${reuse.rendered} rendered`);
	for (const step of postBuildSteps()) {
		const stepStarted = performance.now();
		const outcome = await step.run(staging, { content: validation });
		console.log(`${step.name}: ${outcome} (${((performance.now() - stepStarted) / 1000).toFixed(1)} s)`);
	}
	const previous = `${outDir}.previous-${process.pid}`;
	if (existsSync(outDir)) renameSync(outDir, previous);
	renameSync(staging, outDir);
	rmSync(previous, { recursive: true, force: true });
	console.log(
		styleText('green', `Built ${path.relative(PROJECT_ROOT, outDir) || outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`),
	);
} catch (error) {
	cleanUp();
	console.error(styleText('red', `Build failed; ${path.relative(PROJECT_ROOT, outDir)}/ was left as it was.`));
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
