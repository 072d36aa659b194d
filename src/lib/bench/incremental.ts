/**
 * The incremental-build benchmark: builds the generated corpus with a cold cache, rebuilds
 * it unchanged, after editing one case's text, and after adding a new case to an issue;
 * for each, wall time, peak memory of the process tree, where the time went (content
 * validation, Astro with its start-up and pages, then each post-build step) and what was
 * reused (validated frontmatter, pages, search records, issues' print files), from the build's reuse report. PDFs are printed unless
 * COMPENDIUM_PDF=off is set (the cold build then prints every issue: about 0.3 PDFs a second on
 * two cores, so well over an hour at 10,000 cases). With PDFs, each build also
 * says what the print step took after the pages and where: PDFs printed beside the pages and
 * after them, issues taken from the cache, PDFs per second, and the step's phases (the print
 * step's report, print/step.ts). With `--seed-print` the cold build prints nothing and the
 * print cache is seeded from one printed issue instead (print-seed.ts), so the rebuilds with
 * PDFs can be measured at 10,000 cases in minutes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseYaml, splitFrontmatter } from '../content/frontmatter.ts';
import { readReuseReport, type ReuseCounts } from '../build/incremental.ts';
import { PDF_STEP_NAME, PDF_SWITCH, readPrintReport, type PrintReport } from '../print/step.ts';
import { buildCorpus, countPages } from './corpus-build.ts';
import { seedPrintCache } from './print-seed.ts';
import type { BenchContext, BenchSection } from './section.ts';

/** A case id of the generated corpus (corpus.ts names them case-00001…). */
const caseId = (n: number) => `case-${String(n).padStart(5, '0')}`;

/** Appends a paragraph to a case: a text edit that touches its page, its issue's print files and its record. */
function editCaseText(content: string, id: string): void {
	const file = path.join(content, 'cases', `${id}.mdx`);
	writeFileSync(
		file,
		`${readFileSync(file, 'utf8').trimEnd()}\n\n增量构建测量：编辑后新增的一段正文，用来检验只重建受影响的页面、搜索记录和期刊文件。\n`,
	);
}

/** Writes a new case (a copy of `from` with its own title) and appends it to the end of an issue's case list. */
function addCaseToIssue(content: string, from: string, id: string, issueId: string): void {
	const source = splitFrontmatter(readFileSync(path.join(content, 'cases', `${from}.mdx`), 'utf8'));
	const data = parseYaml(source.yaml).data as Record<string, unknown>;
	writeFileSync(
		path.join(content, 'cases', `${id}.mdx`),
		`---\n${stringify({ ...data, title: `${String(data.title)}（新增）` })}---\n\n${source.body.trim()}\n`,
	);
	const issueFile = path.join(content, 'issues', `${issueId}.mdx`);
	const issue = splitFrontmatter(readFileSync(issueFile, 'utf8'));
	const issueData = parseYaml(issue.yaml).data as { cases: string[] };
	writeFileSync(issueFile, `---\n${stringify({ ...issueData, cases: [...issueData.cases, id] })}---\n\n${issue.body.trim()}\n`);
}

const counts = (label: string, c: ReuseCounts | undefined) => (c ? `${label} ${c.reused} reused / ${c.rebuilt} made` : `${label} –`);

/**
 * The print step's share of a build and where its time went: PDFs printed beside the pages
 * (print/alongside.ts) and after them, issues taken from the cache, and the step's phases.
 */
function printLine(print: PrintReport | undefined, stepSeconds: number | undefined, wall: number): string {
	if (!print || stepSeconds === undefined) return '  print step: no report (no Chromium, or nothing to print)';
	const printed = print.printedAfter + print.printedBeside;
	const rate =
		print.seconds.printAndWord > 0 && print.printedAfter > 0
			? `, ${(print.printedAfter / print.seconds.printAndWord).toFixed(2)} PDFs/s after the pages (Word files included)`
			: '';
	const phases = Object.entries(print.seconds)
		.map(([phase, seconds]) => `${phase} ${seconds.toFixed(2)} s`)
		.join(', ');
	return (
		`  print step: ${stepSeconds.toFixed(1)} s after the pages (${((stepSeconds / wall) * 100).toFixed(0)}% of the build); ` +
		`${printed} PDFs printed (${print.printedBeside} beside the pages, ${print.printedAfter} after${print.printedBesideUnused ? `, ${print.printedBesideUnused} printed beside and not used` : ''}), ` +
		`${print.reusedIssues} of ${print.issues} issues from the cache${rate}; ${phases}`
	);
}

/** The issue whose print files seed the cache: the first, as ordinary as any. */
const SAMPLE_ISSUE = 'issue-1';

/** Prints {@link SAMPLE_ISSUE} into the built site and seeds the print cache with its files; returns the bench's line about it. */
async function seedFromOneIssue(context: BenchContext, content: string, siteDir: string, cacheDir: string): Promise<string> {
	const printed = await context.measure(
		process.execPath,
		[path.join(context.projectRoot, 'scripts/pdf.ts'), '--dir', siteDir, '--issue', SAMPLE_ISSUE],
		{
			cwd: context.projectRoot,
			env: { ...process.env, COMPENDIUM_CONTENT: content, COMPENDIUM_CACHE_DIR: cacheDir },
		},
	);
	if (printed.exitCode !== 0) throw new Error(`printing ${SAMPLE_ISSUE} for the seeded print cache failed:\n${printed.output.slice(-3000)}`);
	const site = (parseYaml(readFileSync(path.join(content, 'site.yaml'), 'utf8')).data ?? {}) as { base?: string };
	const seeded = await seedPrintCache(siteDir, site.base ?? '/', cacheDir, SAMPLE_ISSUE);
	return `  print cache seeded: ${SAMPLE_ISSUE} printed in ${printed.seconds.toFixed(1)} s (two PDFs and two Word files); its files filed under the keys of ${seeded.issues} issues`;
}

/** The incremental section of `npm run bench`. */
export const incremental: BenchSection = {
	name: 'incremental',
	description: 'rebuilds over the previous build: cold, unchanged, one case edited, a case added to an issue (wall, peak memory, reuse)',
	async run(context: BenchContext) {
		const content = path.join(context.workDir, 'incremental-content');
		cpSync(context.corpusDir, content, { recursive: true });
		const cacheDir = path.join(context.workDir, 'incremental-cache');
		const pdf = process.env[PDF_SWITCH] === 'off' ? 'off' : 'on';
		// Seeded: the cold build without PDFs, then the print cache filled from one printed issue (print-seed.ts).
		const seeded = pdf === 'on' && context.seedPrint === true;
		const middle = Math.max(1, Math.ceil(context.caseCount / 2));
		const issueOfMiddle = `issue-${Math.ceil(middle / 10)}`;
		const runs: [label: string, change: () => void][] = [
			[seeded ? 'cold cache (full build, PDFs off)' : 'cold cache (full build)', () => {}],
			[seeded ? 'PDFs switched on (every page made again: the switch is in every key; issues from the seeded cache)' : 'nothing changed', () => {}],
			[`one case's text edited (${caseId(middle)})`, () => editCaseText(content, caseId(middle))],
			[`a new case added to ${issueOfMiddle}`, () => addCaseToIssue(content, caseId(middle), 'case-added', issueOfMiddle)],
		];
		const lines = [
			`PDFs and Word files: ${seeded ? 'printed, from a seeded print cache (--seed-print)' : pdf === 'on' ? 'printed' : `off (${PDF_SWITCH}=off)`}`,
		];
		for (const [i, [label, change]] of runs.entries()) {
			change();
			const pdfThisRun = seeded && i === 0 ? 'off' : pdf;
			const { out, result, astroPhases } = await buildCorpus(context, `incremental-${i}`, { content, cacheDir, env: { [PDF_SWITCH]: pdfThisRun } });
			const seedLine = seeded && i === 0 ? await seedFromOneIssue(context, content, out, cacheDir) : undefined;
			const report = readReuseReport(cacheDir);
			const stepsAll = report?.stepSeconds ?? {};
			const steps = Object.entries(stepsAll);
			const waits = report?.stepWaitSeconds ?? report?.stepSeconds ?? {};
			const validation = report?.validationSeconds ?? 0;
			// A step run beside the pages (steps-alongside.ts) adds to the wall time only what it took after them.
			const inSteps = steps.reduce((sum, [name, seconds]) => sum + (waits[name] ?? seconds), validation);
			const step = (name: string, seconds: number) =>
				waits[name] !== undefined && waits[name] < seconds - 0.05
					? `${name} ${seconds.toFixed(1)} s beside the pages (${waits[name].toFixed(1)} s after them)`
					: `${name} ${seconds.toFixed(1)} s`;
			const perThousand = (validation / (context.caseCount / 1000)).toFixed(2);
			lines.push(
				`${label}: ${result.seconds.toFixed(1)} s wall, peak ${result.peakMiB.toFixed(0)} MiB, ${countPages(out)} pages`,
				`  time: validation ${validation.toFixed(1)} s (${perThousand} s per 1,000 cases), Astro (start-up, content layer, pages) ${(result.seconds - inSteps).toFixed(1)} s, ${steps.map(([name, seconds]) => step(name, seconds)).join(', ')}`,
				`  Astro's phases: ${Object.entries(astroPhases)
					.map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)} s`)
					.join(', ')}`,
				...(pdfThisRun === 'on' ? [printLine(readPrintReport(cacheDir), stepsAll[PDF_STEP_NAME], result.seconds)] : []),
				`  ${[
					counts('frontmatter validated', report?.frontmatter),
					counts('pages and data files', report?.pages),
					counts('search records', report?.records),
					counts('issues printed', report?.printFiles),
				].join('; ')}`,
				...(seedLine ? [seedLine] : []),
			);
		}
		return lines;
	},
};
