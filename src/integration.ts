/**
 * The compendium as an Astro integration, so `astro build` alone makes the whole site:
 *
 * - before a build (`astro:config:setup`), the content is validated; an error stops the build
 *   with every problem listed by file and line, before anything is written;
 * - after it (`astro:build:done`), the post-build steps run over the output: the search index,
 *   then the PDF issues (src/lib/print/step.ts, one step); `npm run build` has them handed
 *   over and runs them once Astro's `build()` has returned, so Astro's memory is free first
 *   (src/lib/build/deferred-steps.ts), except the search index, which reads only the content:
 *   `npm run build` makes it in a worker thread beside the page build (src/lib/build/steps-alongside.ts),
 *   and with COMPENDIUM_PDF_BESIDE=on prints each issue as soon as Astro has written its print page
 *   (src/lib/print/alongside.ts; the PDF step then takes those PDFs where what they printed is unchanged);
 * - in `astro dev`, the search page works (an index built from content/ on first use and
 *   rebuilt after edits, served under the base) and a content error shows in the browser,
 *   in Astro's error overlay with its file and line, instead of the last good page.
 *
 * `npm run build` (scripts/build.ts) runs the same build into a staging directory and swaps
 * it in only when every step succeeded. Settings the steps read from the environment (such
 * as COMPENDIUM_PDF=off) reach them either way: the build runs in the calling process.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { saveConversions, useSavedConversions } from './lib/convert/conversion-memo.ts';
import { watchContent } from './lib/build/dev-content.ts';
import { devSearchIndex } from './lib/build/dev-search.ts';
import type { PostBuildStep } from './lib/build/post-build.ts';
import { validateForBuild, type GateOutcome } from './lib/build/content-gate.ts';
import { incrementalEnabled, incrementalOutcome, readIncrementalManifest, writeReuseReport, type ReuseReport } from './lib/build/incremental.ts';
import type { ValidationResult } from './lib/content/validate.ts';
import { buildMessages } from './lib/i18n/messages/index.ts';
import { handOverPostBuildSteps, postBuildStepsDeferred, stopIfBuildFails } from './lib/build/deferred-steps.ts';
import { pagesReady } from './lib/build/pages-ready.ts';
import { pagesWritten } from './lib/build/page-writer.ts';
import { startStepAlongside, type RunningStep } from './lib/build/steps-alongside.ts';
import { PDF_STEP_NAME, PDF_SWITCH, pdfStep } from './lib/print/step.ts';
import { PRINT_BESIDE_SWITCH, startPrintingAlongside, type PrintingAlongside } from './lib/print/alongside.ts';
import { findChromium } from './lib/build/browser.ts';
import { searchIndexStep } from './lib/search/step.ts';

/** A post-build step with its name for the log. */
interface ListedStep {
	label: string;
	step: PostBuildStep;
	/**
	 * Where a worker thread finds the step, for a step that reads only the content (not the
	 * pages): `npm run build` runs it beside Astro's page build (steps-alongside.ts).
	 */
	alongside?: { module: string; export: string };
}

/** The post-build steps in the order they run. */
export function postBuildSteps(): ListedStep[] {
	return [
		{ label: buildMessages.stepSearch(), step: searchIndexStep(), alongside: { module: 'src/lib/search/step.ts', export: 'searchIndexStep' } },
		{ label: buildMessages.stepPdf(), step: pdfStep() },
	];
}

/**
 * Astro's MDX output starts with a "use astro:head-inject" directive, which the bundler warns
 * it may not keep (withastro/astro#18087): about a dozen warnings per build that no user can
 * act on. Those alone are dropped; every other warning passes through.
 */
function quietAstroDirectives(warning: { code?: string; message: string }, warn: (warning: never) => void): void {
	if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
	warn(warning as never);
}

/** Runs the steps (or waits for those started beside the build); with a cache directory, returns what each reused and rebuilt. */
async function runPostBuildSteps(
	outDir: string,
	content: ValidationResult,
	logger: AstroIntegrationLogger,
	cacheDir: string | undefined,
	running: Map<string, RunningStep>,
	printing: PrintingAlongside | undefined,
): Promise<Omit<ReuseReport, 'pages'>> {
	const stepSeconds: Record<string, number> = {};
	const stepWaitSeconds: Record<string, number> = {};
	const reused: Omit<ReuseReport, 'pages'> = { stepSeconds, stepWaitSeconds };
	for (const { label, step } of postBuildSteps()) {
		const started = performance.now();
		const alongside = running.get(step.name);
		if (alongside) {
			const report = await alongside.report;
			if (report.reused) reused[report.reused.what] = report.reused.counts;
			stepSeconds[step.name] = report.seconds;
			stepWaitSeconds[step.name] = (performance.now() - started) / 1000;
			logger.info(buildMessages.stepDoneAlongside(label, report.outcome, report.seconds, stepWaitSeconds[step.name]));
			continue;
		}
		const printedEarly = step.name === PDF_STEP_NAME ? printing?.finish() : undefined;
		const outcome = await step.run(outDir, {
			content,
			...(cacheDir ? { cacheDir } : {}),
			...(printedEarly ? { printedEarly } : {}),
			reuse: (what, counts) => (reused[what] = counts),
		});
		stepSeconds[step.name] = stepWaitSeconds[step.name] = (performance.now() - started) / 1000;
		logger.info(buildMessages.stepDone(label, outcome, stepSeconds[step.name]));
	}
	return reused;
}

/** Starts the steps that read only the content beside the page build, when `npm run build` asked to wait for the steps. */
function startStepsAlongside(outDir: string, content: ValidationResult, cacheDir: string | undefined): Map<string, RunningStep> {
	const running = new Map<string, RunningStep>();
	if (!postBuildStepsDeferred()) return running;
	for (const { step, alongside } of postBuildSteps()) {
		if (!alongside) continue;
		const started = startStepAlongside(alongside, outDir, content, cacheDir);
		stopIfBuildFails(started.stop);
		running.set(step.name, started);
	}
	return running;
}

/**
 * Starts printing issues as soon as Astro writes their print pages, when `npm run build` asked
 * to wait for the steps, the PDFs will be printed and COMPENDIUM_PDF_BESIDE=on (print/alongside.ts);
 * stopped if the build fails.
 */
function startPrintingBeside(outDir: string, base: string, logger: AstroIntegrationLogger): PrintingAlongside | undefined {
	if (!postBuildStepsDeferred() || process.env[PDF_SWITCH] === 'off' || process.env[PRINT_BESIDE_SWITCH] !== 'on' || !findChromium())
		return undefined;
	// Failures here are retried and reported by the print step: the lines are for COMPENDIUM_PDF_DEBUG=1.
	const debug = process.env.COMPENDIUM_PDF_DEBUG ? (line: string) => logger.info(line) : undefined;
	const printing = startPrintingAlongside(outDir, base, debug ? { log: debug } : {});
	if (printing) stopIfBuildFails(printing.stop);
	return printing;
}

/** The compendium integration; register it in astro.config.mjs after mdx() and sitemap(). */
export default function compendium(): AstroIntegration {
	let gate: GateOutcome | undefined;
	let cacheDir: string | undefined;
	let base = '/';
	/** The incremental-build manifest as the previous build left it, to say what this one reused. */
	let cacheBefore: ReturnType<typeof readIncrementalManifest>;
	let configOutDir: string | undefined;
	/** Steps running beside the page build, by name. */
	let running = new Map<string, RunningStep>();
	/** Issues printed as soon as Astro has written their print pages (print/alongside.ts). */
	let printing: PrintingAlongside | undefined;
	return {
		name: 'case-compendium',
		hooks: {
			'astro:config:setup': async ({ command, config, addMiddleware, updateConfig }) => {
				base = config.base;
				updateConfig({ vite: { build: { rolldownOptions: { onwarn: quietAstroDirectives } } } });
				cacheDir = fileURLToPath(config.cacheDir);
				configOutDir = fileURLToPath(config.outDir);
				if (command === 'build') {
					gate = await validateForBuild(incrementalEnabled() ? cacheDir : undefined);
					cacheBefore = readIncrementalManifest(cacheDir);
					// Texts an earlier build converted are not converted again (src/lib/convert/conversion-memo.ts).
					if (incrementalEnabled()) useSavedConversions(cacheDir);
				}
				if (command === 'dev') addMiddleware({ entrypoint: new URL('./lib/build/dev-content-middleware.ts', import.meta.url), order: 'pre' });
			},
			'astro:server:setup': ({ server, logger }) => {
				const search = devSearchIndex({ dir: `${cacheDir}/dev-search`, base, logger });
				server.middlewares.use(search.middleware);
				watchContent(server, logger, () => {
					search.invalidate();
					server.hot.send({ type: 'full-reload', path: '*' });
				});
			},
			'astro:build:start': async ({ logger }) => {
				if (gate && configOutDir) running = startStepsAlongside(configOutDir, gate.content, incrementalEnabled() ? cacheDir : undefined);
				if (configOutDir) printing = startPrintingBeside(configOutDir, base, logger);
				// `npm run build` links the last build's pages while Astro starts; none may be made before they are in place.
				await pagesReady();
			},
			// `npm run build` has the pages written by a worker (page-writer.ts): all of them are on disk
			// before Astro goes on, and a write that failed stops the build here.
			'astro:build:generated': async () => {
				await pagesWritten();
			},
			'astro:build:done': async ({ dir, logger }) => {
				const pages = incrementalOutcome(cacheBefore, cacheDir ? readIncrementalManifest(cacheDir) : undefined);
				const stepCache = incrementalEnabled() ? cacheDir : undefined;
				const validated = gate ?? (await validateForBuild());
				const outDir = fileURLToPath(dir);
				const steps = async () => {
					const reused = await runPostBuildSteps(outDir, validated.content, logger, stepCache, running, printing);
					if (stepCache) {
						saveConversions();
						const report: ReuseReport = {
							pages: { reused: pages.reused, rebuilt: pages.rendered },
							...(validated.frontmatter ? { frontmatter: validated.frontmatter } : {}),
							validationSeconds: validated.seconds,
							...reused,
						};
						writeReuseReport(stepCache, report);
						logger.info(buildMessages.incrementalSummary(report.pages, report.records, report.printFiles, report.frontmatter));
					}
				};
				// `npm run build` runs them once Astro's build has returned and its memory is free.
				if (!handOverPostBuildSteps(steps)) await steps();
			},
		},
	};
}
