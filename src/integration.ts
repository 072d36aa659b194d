/**
 * The compendium as an Astro integration, so `astro build` alone makes the whole site:
 *
 * - before a build (`astro:config:setup`), the content is validated; an error stops the build
 *   with every problem listed by file and line, before anything is written;
 * - after it (`astro:build:done`), the post-build steps run over the output: the search index,
 *   then the PDF issues (src/lib/print/step.ts, one step); `npm run build` has them handed
 *   over and runs them once Astro's `build()` has returned, so Astro's memory is free first
 *   (src/lib/build/deferred-steps.ts);
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
import { handOverPostBuildSteps } from './lib/build/deferred-steps.ts';
import { pagesReady } from './lib/build/pages-ready.ts';
import { pdfStep } from './lib/print/step.ts';
import { searchIndexStep } from './lib/search/step.ts';

/** The post-build steps in the order they run, each with its name for the log. */
function postBuildSteps(): [label: string, step: PostBuildStep][] {
	return [
		[buildMessages.stepSearch(), searchIndexStep()],
		[buildMessages.stepPdf(), pdfStep()],
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

/** Runs the steps; with a cache directory, returns what each reused and rebuilt. */
async function runPostBuildSteps(
	outDir: string,
	content: ValidationResult,
	logger: AstroIntegrationLogger,
	cacheDir: string | undefined,
): Promise<Omit<ReuseReport, 'pages'>> {
	const stepSeconds: Record<string, number> = {};
	const reused: Omit<ReuseReport, 'pages'> = { stepSeconds };
	for (const [label, step] of postBuildSteps()) {
		const started = performance.now();
		const outcome = await step.run(outDir, { content, ...(cacheDir ? { cacheDir } : {}), reuse: (what, counts) => (reused[what] = counts) });
		stepSeconds[step.name] = (performance.now() - started) / 1000;
		logger.info(buildMessages.stepDone(label, outcome, stepSeconds[step.name]));
	}
	return reused;
}

/** The compendium integration; register it in astro.config.mjs after mdx() and sitemap(). */
export default function compendium(): AstroIntegration {
	let gate: GateOutcome | undefined;
	let cacheDir: string | undefined;
	let base = '/';
	/** The incremental-build manifest as the previous build left it, to say what this one reused. */
	let cacheBefore: ReturnType<typeof readIncrementalManifest>;
	return {
		name: 'case-compendium',
		hooks: {
			'astro:config:setup': ({ command, config, addMiddleware, updateConfig }) => {
				base = config.base;
				updateConfig({ vite: { build: { rolldownOptions: { onwarn: quietAstroDirectives } } } });
				cacheDir = fileURLToPath(config.cacheDir);
				if (command === 'build') {
					gate = validateForBuild(incrementalEnabled() ? cacheDir : undefined);
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
			// `npm run build` links the last build's pages while Astro starts; none may be made before they are in place.
			'astro:build:start': () => pagesReady(),
			'astro:build:done': async ({ dir, logger }) => {
				const pages = incrementalOutcome(cacheBefore, cacheDir ? readIncrementalManifest(cacheDir) : undefined);
				const stepCache = incrementalEnabled() ? cacheDir : undefined;
				const validated = gate ?? validateForBuild();
				const outDir = fileURLToPath(dir);
				const steps = async () => {
					const reused = await runPostBuildSteps(outDir, validated.content, logger, stepCache);
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
