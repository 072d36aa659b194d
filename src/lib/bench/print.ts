/**
 * How long printing takes and how much memory it needs, for `npm run bench`: builds a
 * throwaway compendium with one issue of N cases (copies of the sample cases), then
 * prints that issue in both scripts and samples the memory of Node plus Chromium.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, contentDir } from '../content/paths.ts';
import { printIssues } from '../print/printer.ts';
import { generateCorpus } from './corpus.ts';
import { treeMemoryKiB } from './measure.ts';
import { cleanBuildEnv } from '../build/clean-env.ts';

/** One printed issue size: pages, build and print times, peak memory. */
export interface PrintBenchResult {
	cases: number;
	/** Pages of the simplified PDF. */
	pages: number;
	/** Building the throwaway site (Astro), without PDFs. */
	buildSeconds: number;
	/** Wall time to print the issue in both scripts (two pages at once on two cores). */
	printSeconds: number;
	/** Time each PDF took, from opening its page to writing the file. */
	pdfSeconds: { hans: number; hant: number };
	/** Peak memory of this process and its Chromium (measure.ts' treeMemoryKiB), sampled every 100 ms. */
	peakMemoryMB: number;
}

/** One issue of `count` generated cases, with a distribution list as printed issues have. */
export function writeBenchContent(dir: string, count: number, source = contentDir()): string {
	rmSync(dir, { recursive: true, force: true });
	const generated = generateCorpus({
		from: source,
		to: dir,
		cases: count,
		casesPerIssue: count,
		issueFields: {
			number: count,
			distribution: ['报：市委常委，市人大常委会、市政府、市政协主要负责同志。', '发：各县（市、区）委组织部，市直各单位党组（党委）。'],
		},
	});
	return generated.issueIds[0]!;
}

/**
 * Builds and prints an issue of each size in `caseCounts` (default 10 and 50) under
 * `workDir`, returning one result per size. The work directory is removed afterwards
 * unless `keep` is set.
 */
export async function benchPrint(
	options: { caseCounts?: number[]; workDir?: string; keep?: boolean; log?: (line: string) => void } = {},
): Promise<PrintBenchResult[]> {
	const workDir = options.workDir ?? path.join(PROJECT_ROOT, '.tmp', `bench-print-${process.pid}`);
	const results: PrintBenchResult[] = [];
	try {
		for (const count of options.caseCounts ?? [10, 50]) {
			const content = path.join(workDir, `content-${count}`);
			const site = path.join(workDir, `site-${count}`);
			const issueId = writeBenchContent(content, count);
			const buildStarted = performance.now();
			execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', site], {
				cwd: PROJECT_ROOT,
				stdio: 'pipe',
				env: cleanBuildEnv({
					COMPENDIUM_CONTENT: content,
					COMPENDIUM_CACHE_DIR: path.join(workDir, `cache-${count}`),
					COMPENDIUM_PDF: 'off',
					CI: '1',
				}),
			});
			const buildSeconds = (performance.now() - buildStarted) / 1000;
			const base = /^base:\s*['"]?([^'"\s]+)/m.exec(readFileSync(path.join(content, 'site.yaml'), 'utf8'))?.[1] ?? '/';
			let peakKB = treeMemoryKiB(process.pid);
			const sampler = setInterval(() => {
				peakKB = Math.max(peakKB, treeMemoryKiB(process.pid));
			}, 100);
			const printStarted = performance.now();
			try {
				const printed = await printIssues({ siteDir: site, base, issueIds: [issueId] });
				const printSeconds = (performance.now() - printStarted) / 1000;
				const of = (script: string) => printed.find((r) => r.script === script)!;
				const result: PrintBenchResult = {
					cases: count,
					pages: of('hans').pages,
					buildSeconds: round(buildSeconds),
					printSeconds: round(printSeconds),
					pdfSeconds: { hans: round(of('hans').seconds), hant: round(of('hant').seconds) },
					peakMemoryMB: Math.round(peakKB / 1024),
				};
				results.push(result);
				options.log?.(
					`print ${count} cases: ${result.pages} pages, build ${result.buildSeconds} s, print both scripts ${result.printSeconds} s ` +
						`(简 ${result.pdfSeconds.hans} s, 繁 ${result.pdfSeconds.hant} s), peak ${result.peakMemoryMB} MB`,
				);
			} finally {
				clearInterval(sampler);
			}
		}
	} finally {
		if (!options.keep) rmSync(workDir, { recursive: true, force: true });
	}
	return results;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
