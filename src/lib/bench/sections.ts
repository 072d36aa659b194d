/**
 * The list of the benchmark's sections, one per capability (build, convert, search,
 * incremental, pdf, weight, lighthouse). Each returns printable lines; the figures (not pass/fail) go into
 * closing notes and PRs. The larger sections live beside this file (incremental.ts, search.ts,
 * print.ts, convert.ts); their shared shape is in section.ts.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, BenchSection } from './section.ts';
import { findChromium, HOW_TO_GET_CHROMIUM, launchChromium } from '../build/browser.ts';
import { serveStatic } from '../build/static-server.ts';
import { PDF_SWITCH } from '../print/step.ts';
import { buildCorpus, countPages, removeBuild, stepLines } from './corpus-build.ts';
import { scriptCost, type ScriptCostRun } from './script-cost.ts';
import { incremental } from './incremental.ts';
import { pagePath, type PageRef } from '../routes.ts';
import type { Script } from '../../schemas/script.ts';
import { CASE_JS_BUDGET_BYTES, formatWeight, javascriptBytes, largestPages, measurePage, PAGE_SIZE_LIMIT_BYTES } from './page-weight.ts';
import { runLighthouse } from './lighthouse.ts';
import { searchBench } from './search.ts';

const build: BenchSection = {
	name: 'build',
	description: 'npm run build on the generated corpus (both scripts, search index; PDFs skipped), then one script, in turns (--runs)',
	async run(context) {
		const lines: string[] = [];
		const turns: ScriptCostRun[] = [];
		for (let turn = 1; turn <= context.runs; turn++) {
			// Each build is cold (its own output and cache); the last turn's builds stay for the sections after this one (search reads dist-both).
			if (turn > 1) for (const name of ['dist-both', 'dist-one']) removeBuild(context, name);
			const both = await buildCorpus(context, 'dist-both');
			const pages = countPages(both.out);
			const turnLabel = turn > 1 ? `, turn ${turn}` : '';
			lines.push(
				`both scripts${turnLabel}: ${both.result.seconds.toFixed(1)} s wall, ${pages} pages, ${(pages / both.result.seconds).toFixed(0)} pages/s, peak ${both.result.peakMiB.toFixed(0)} MiB`,
			);
			if (turn === 1) {
				const sizes = largestPages(both.out);
				lines.push(
					// The integration logs one line per post-build step: "<time> [case-compendium] <step>: <outcome>".
					...stepLines(both.result.output).map((step) => `  ${step}`),
					`largest pages: ${sizes.largest.map((p) => `${p.file} ${(p.bytes / 1024).toFixed(0)} KB`).join(', ')}; ${sizes.over.length} over ${PAGE_SIZE_LIMIT_BYTES / 1024} KB (goal 0)`,
				);
			}
			const one = await buildCorpus(context, 'dist-one', { env: { COMPENDIUM_SCRIPTS: 'hans' } });
			lines.push(
				`one script${turnLabel}:   ${one.result.seconds.toFixed(1)} s wall, ${countPages(one.out)} pages, peak ${one.result.peakMiB.toFixed(0)} MiB`,
			);
			turns.push({ both: both.result.seconds, one: one.result.seconds });
		}
		const cost = scriptCost(turns);
		if (turns.length > 1) lines.push(`medians of ${turns.length} turns: both scripts ${cost.both.toFixed(1)} s, one script ${cost.one.toFixed(1)} s`);
		lines.push(
			`second script costs ×${cost.ratio.toFixed(2)} of one script (goal ≤ 1.3)${turns.length > 1 ? `: median of the turns' ×${cost.ratios.map((ratio) => ratio.toFixed(2)).join(', ×')}` : ''}`,
		);
		return lines;
	},
};

let sampleSite: Promise<string> | undefined;

/**
 * The sample compendium (content/), built once per benchmark run into the work dir:
 * page weight and Lighthouse measure what the current checkout publishes, not whatever
 * dist/ happens to hold.
 */
function buildSample(context: BenchContext): Promise<string> {
	sampleSite ??= (async () => {
		const out = path.join(context.workDir, 'sample-dist');
		const result = await context.measure(process.execPath, [path.join(context.projectRoot, 'scripts/build.ts'), '--out', out], {
			cwd: context.projectRoot,
			env: { ...process.env, COMPENDIUM_CACHE_DIR: path.join(context.workDir, 'sample-cache'), [PDF_SWITCH]: 'off' },
		});
		if (result.exitCode !== 0) throw new Error(`sample build failed:\n${result.output.slice(-3000)}`);
		return out;
	})();
	return sampleSite;
}

/**
 * Runs `measure` against the sample site served on 127.0.0.1, with the Chromium it needs
 * (a line saying why it was skipped when there is none); the server is closed afterwards.
 */
async function onServedSample(
	context: BenchContext,
	measure: (site: { dir: string; url: string; chromePath: string }) => Promise<string[]>,
): Promise<string[]> {
	const chromePath = findChromium();
	if (!chromePath) return [`skipped: no Chromium. ${HOW_TO_GET_CHROMIUM}`];
	const dir = await buildSample(context);
	const server = await serveStatic(dir);
	try {
		return await measure({ dir, url: server.url, chromePath });
	} finally {
		await server.close();
	}
}

/** The first directory under `dir/rel` (a case id, an issue id…), for a page of that type. */
function firstEntry(dir: string, rel: string): string | undefined {
	const full = path.join(dir, rel);
	if (!existsSync(full)) return undefined;
	return readdirSync(full)
		.sort()
		.find((name) => statSync(path.join(full, name)).isDirectory() && existsSync(path.join(full, name, 'index.html')));
}

/** One page of each type in `script`, as site paths that exist in the build. */
function samplePages(dir: string, script: Script): { name: string; path: string }[] {
	const segment = pagePath('/', script, { kind: 'home' }).slice(1);
	const caseId = firstEntry(dir, `${segment}cases`);
	const issueId = firstEntry(dir, `${segment}issues`);
	const region = firstEntry(dir, `${segment}regions`);
	const method = firstEntry(dir, `${segment}methods`);
	const refs: [string, PageRef | undefined, string?][] = [
		['home', { kind: 'home' }],
		['case', caseId ? { kind: 'case', id: caseId } : undefined],
		['issue', issueId ? { kind: 'issue', id: issueId } : undefined],
		['issue archive', { kind: 'issues' }],
		['region', region ? { kind: 'region', code: region } : undefined],
		['method', method ? { kind: 'method', slug: method } : undefined],
		['metrics', { kind: 'metrics' }],
		['search', { kind: 'search' }, '?q=党建'],
	];
	return refs
		.filter((entry): entry is [string, PageRef, string?] => entry[1] !== undefined)
		.map(([name, ref, query]) => ({ name, path: pagePath('/', script, ref), query: query ?? '' }))
		.filter((page) => existsSync(path.join(dir, page.path, 'index.html')))
		.map((page) => ({ name: page.name, path: `${page.path}${page.query}` }));
}

/** Bytes a reader downloads per page type (gzip) and requests, recorded in Chromium. */
const weight: BenchSection = {
	name: 'weight',
	description: 'what a reader downloads per page type: gzip bytes by kind and requests, recorded in Chromium (sample site)',
	run: (context) =>
		onServedSample(context, async ({ dir, url }) => {
			const browser = await launchChromium();
			const lines: string[] = [];
			try {
				for (const script of ['hans', 'hant'] as const) {
					for (const page of samplePages(dir, script)) {
						const measured = await measurePage(browser, new URL(page.path.slice(1), url).href);
						lines.push(formatWeight(`${page.name} (${script === 'hans' ? '简' : '繁'})`, measured));
						if (page.name === 'case') {
							const js = javascriptBytes(measured);
							const verdict = js <= CASE_JS_BUDGET_BYTES ? 'within' : 'OVER';
							lines.push(`  case page JavaScript ${(js / 1024).toFixed(1)} KB: ${verdict} the ${CASE_JS_BUDGET_BYTES / 1024} KB budget`);
						}
					}
				}
			} finally {
				await browser.close();
			}
			return lines;
		}),
};

/** Lighthouse on a case page, mobile: performance, accessibility, best practices, SEO. Goal 100 each. */
const lighthouse: BenchSection = {
	name: 'lighthouse',
	description: 'Lighthouse, mobile, on a case page in each script (sample site, system Chromium); goal 100 in each category',
	run: (context) =>
		onServedSample(context, async ({ dir, url, chromePath }) => {
			const lines: string[] = [];
			for (const script of ['hans', 'hant'] as const) {
				const casePage = samplePages(dir, script).find((p) => p.name === 'case');
				if (!casePage) {
					lines.push(`${script}: no case page in the sample build`);
					continue;
				}
				const result = await runLighthouse(new URL(casePage.path.slice(1), url).href, { projectRoot: context.projectRoot, chromePath });
				const scores = Object.entries(result.scores).map(([category, score]) => `${category} ${score}`);
				lines.push(`${casePage.path}: ${scores.join(', ')}`);
				lines.push(`  ${result.metrics.join(', ')}`);
				for (const failing of result.failing) lines.push(`  below 100: ${failing}`);
			}
			return lines;
		}),
};

/** Conversion throughput and converter construction, on the sample cases' own text. */
const convert: BenchSection = {
	name: 'convert',
	description: '简繁 conversion: converter construction (cold) and characters per second, sample text with the site glossary',
	async run(context) {
		const { benchConverter } = await import('./convert.ts');
		const { siteConverter } = await import('../convert/site-converter.ts');
		const casesDir = path.join(context.projectRoot, 'content', 'cases');
		const sample = readdirSync(casesDir)
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => readFileSync(path.join(casesDir, f), 'utf8'))
			.join('\n');
		const converter = siteConverter();
		const result = benchConverter(sample, { traditional: converter.traditional, glossary: converter.glossary });
		const line = (label: string, d: { config: string; buildMs: number; charsPerSecond: number }) =>
			`${label} (${d.config}): built in ${d.buildMs.toFixed(0)} ms, ${(d.charsPerSecond / 1e6).toFixed(2)} M chars/s`;
		return [`sample: ${result.sampleChars} characters`, line('hans → hant', result.toHant), line('hant → hans', result.toHans)];
	},
};

/** Seconds and memory to print one issue of 10 and of 50 cases, both scripts (goal: 50 cases ≤ 30 s). */
const pdf: BenchSection = {
	name: 'pdf',
	description: 'printing an issue of 10 and of 50 generated cases as PDF, both scripts',
	async run() {
		if (!findChromium()) return [`skipped: ${HOW_TO_GET_CHROMIUM}`];
		const { benchPrint } = await import('./print.ts');
		const results = await benchPrint({ caseCounts: [10, 50] });
		return results.map(
			(r) =>
				`${String(r.cases).padStart(2)} cases: ${r.pages} pages, both scripts in ${r.printSeconds.toFixed(1)} s (zh-hans ${r.pdfSeconds.hans.toFixed(1)} s, zh-hant ${r.pdfSeconds.hant.toFixed(1)} s), peak ${r.peakMemoryMB.toFixed(0)} MB (Node + Chromium RSS)`,
		);
	},
};

/** Every section of `npm run bench`, in the order they run. */
export function benchSections(): BenchSection[] {
	return [build, convert, searchBench, incremental, pdf, weight, lighthouse];
}
