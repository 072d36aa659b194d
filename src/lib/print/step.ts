/**
 * The build's print step: prints every issue to PDF when a Chromium is installed (and
 * otherwise says how to get one), then writes every issue's Word file (no browser needed).
 * Either way, issue pages end up linking only files that exist, each with its format,
 * page count and size.
 *
 * Given a cache directory, it keeps each issue's print files there under the issue's print
 * key (print-key.ts), and prints only the issues whose key the cache does not hold; the
 * others' files are hard links to the cache's, byte for byte what printing them again would
 * give. PDFs printed while Astro built the pages (alongside.ts) are taken where what they
 * printed is what the finished site holds, so only the rest is printed here.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { writeFileAtomically } from '../files/write-atomically.ts';
import path from 'node:path';
import type { PostBuildContext, PostBuildStep, PrintedEarly } from '../build/post-build.ts';
import { findChromium } from '../build/browser.ts';
import { StepCache } from '../build/step-cache.ts';
import { docxFile } from '../docx/write.ts';
import { printerFingerprint, printFilesKey, printPageDigest } from './print-key.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { buildMessages, printMessages } from '../i18n/messages/index.ts';
import { writeIssueDocx, type DocxResult } from '../docx/write.ts';
import { describeDownloads, formatDownloadInfo, pruneMissingPdfLinks } from './pdf-links.ts';
import { PDFDocument } from 'pdf-lib';
import {
	MissingPrintFontsError,
	openPrinter,
	pdfFile,
	printIssues,
	printPageFile,
	printableIssues,
	type Printer,
	type PrintResult,
} from './printer.ts';
import { withBase } from '../routes.ts';
import { progress } from '../progress.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';

/** Set COMPENDIUM_PDF=off to build without print files (PDF and Word) even when Chromium is installed. */
export const PDF_SWITCH = 'COMPENDIUM_PDF';

/** The issue pages (the only pages that link PDFs) of the built site: reading every page took seconds per thousand cases. */
function* issuePageFiles(siteDir: string): Generator<string> {
	for (const script of SCRIPTS) {
		const issuesDir = path.join(siteDir, SCRIPT_SEGMENT[script], 'issues');
		if (!existsSync(issuesDir)) continue;
		for (const entry of readdirSync(issuesDir, { withFileTypes: true })) {
			const file = path.join(issuesDir, entry.name, 'index.html');
			if (entry.isDirectory() && existsSync(file)) yield file;
		}
	}
}

/**
 * PDF page counts by file, so each PDF is read once however many pages link it; `known`
 * counts (of PDFs just printed or taken from the cache) are not read at all: loading a PDF
 * takes a quarter of a second, minutes for a thousand issues.
 */
async function pageCounts(siteDir: string, root: string, pages: readonly string[], known: ReadonlyMap<string, number>): Promise<Map<string, number>> {
	const counts = new Map<string, number>(known);
	for (const file of pages) {
		for (const href of readFileSync(file, 'utf8').match(/href="[^"]+\.pdf"/g) ?? []) {
			const target = path.join(siteDir, href.slice(6 + root.length, -1));
			if (counts.has(target) || !existsSync(target)) continue;
			counts.set(target, (await PDFDocument.load(readFileSync(target), { updateMetadata: false })).getPageCount());
		}
	}
	return counts;
}

/**
 * Removes links to PDFs and Word files that are not in `siteDir` from its pages, and
 * labels the others with format, pages and size; returns how many pages changed.
 * `knownPages` gives the page counts of PDFs (by file) the caller already knows.
 */
export async function pruneDanglingPdfLinks(siteDir: string, base: string, knownPages: ReadonlyMap<string, number> = new Map()): Promise<number> {
	const root = withBase(base);
	const fileOf = (href: string) => (href.startsWith(root) ? path.join(siteDir, href.slice(root.length)) : undefined);
	const exists = (href: string) => {
		const file = fileOf(href);
		return file !== undefined && existsSync(file);
	};
	const pages = [...issuePageFiles(siteDir)].filter((file) => readFileSync(file, 'utf8').includes('data-pdf-downloads'));
	const counts = await pageCounts(siteDir, root, pages, knownPages);
	let changed = 0;
	for (const file of pages) {
		const html = readFileSync(file, 'utf8');
		const traditional = path.relative(siteDir, file).startsWith('zh-hant');
		const describe = (href: string) => {
			const target = fileOf(href);
			if (!target || !existsSync(target)) return undefined;
			const pdf = target.replace(/\.docx$/, '.pdf');
			const pages = counts.get(pdf);
			if (pages === undefined) return undefined;
			const word = target.endsWith('.docx');
			return formatDownloadInfo({ format: word ? 'Word' : 'PDF', pages, bytes: statSync(target).size, approximate: word }, traditional);
		};
		const pruned = describeDownloads(pruneMissingPdfLinks(html, exists), describe);
		if (pruned !== html) {
			// Beside and renamed: the page may be a hard link to Astro's cached copy (build/linked-pages.ts).
			writeFileAtomically(file, pruned);
			changed++;
		}
	}
	return changed;
}

/** The one-line outcome of a print run: PDFs, total pages and the slowest issue's time. */
export function summarize(results: readonly PrintResult[]): string {
	const pages = results.reduce((sum, r) => sum + r.pages, 0);
	const slowest = results.reduce((max, r) => Math.max(max, r.seconds), 0);
	return printMessages.summary(results.length, pages, slowest);
}

/** The Word files of every printed issue (or of `issueIds`), with a one-line outcome. */
export async function writeWordFiles(
	siteDir: string,
	onProgress?: (line: string) => void,
	issueIds?: readonly string[],
): Promise<{ results: DocxResult[]; summary: string }> {
	const started = performance.now();
	const results = await writeIssueDocx(siteDir, { ...(onProgress ? { onProgress } : {}), ...(issueIds ? { issueIds } : {}) });
	return { results, summary: printMessages.docxSummary(results.length, (performance.now() - started) / 1000) };
}

/** The folder of the step's cache of print files inside the build's cache directory. */
export const PRINT_CACHE_DIR = 'compendium-print-files';

/**
 * The suffixes of the cache entries (after the issue's print key and a dot) that keep an
 * issue's print files in a script: its PDF, its Word file, and the PDF's page count.
 */
export function printCacheSuffixes(script: Script): { pdf: string; docx: string; pages: string } {
	const segment = SCRIPT_SEGMENT[script];
	return { pdf: `${segment}.pdf`, docx: `${segment}.docx`, pages: `${segment}.pages` };
}

/** The print files of an issue in a script: its PDF and its Word file, by the suffix they are cached under. */
function printFiles(siteDir: string, issueId: string, script: Script): [suffix: string, file: string][] {
	const suffixes = printCacheSuffixes(script);
	return [
		[suffixes.pdf, pdfFile(siteDir, issueId, script)],
		[suffixes.docx, docxFile(siteDir, issueId, script)],
	];
}

/** The scripts an issue has a print page in. */
const scriptsOf = (siteDir: string, issueId: string) => SCRIPTS.filter((script) => existsSync(printPageFile(siteDir, issueId, script)));

/** The cache entry that keeps a PDF's page count, so the issue pages' labels need not load it. */
const pagesEntry = (key: string, script: Script) => `${key}.${printCacheSuffixes(script).pages}`;

/**
 * Links the cached print files of the issues whose key the cache holds in full into the
 * site (a hard link per file, not a copy: 4,000 files of about 750 KB at 10,000 cases);
 * returns the issues left to print, each issue's key and the linked PDFs' page counts.
 * A linked file is the cache's own: nothing may write through it (printing and the Word
 * files write beside and rename, as the cache does).
 */
async function takeFromCache(
	siteDir: string,
	base: string,
	issues: readonly string[],
	cache: StepCache,
	digests = new Map<string, string>(),
): Promise<{ toPrint: string[]; keys: Map<string, string>; pages: Map<string, number> }> {
	// Now and then the event loop is let go, so the browser opened meanwhile (pdfStep) starts.
	const letGo = () => new Promise((resolve) => setImmediate(resolve));
	await letGo();
	const printer = printerFingerprint();
	const keys = new Map<string, string>();
	const pages = new Map<string, number>();
	const toPrint: string[] = [];
	for (const [n, issueId] of issues.entries()) {
		if (n % 20 === 0) await letGo();
		const key = printFilesKey(siteDir, base, issueId, printer, digests);
		if (key === undefined) continue;
		keys.set(issueId, key);
		const scripts = scriptsOf(siteDir, issueId);
		const files = scripts.flatMap((script) => printFiles(siteDir, issueId, script));
		const counts = scripts.map((script) => Number(cache.read(pagesEntry(key, script))?.toString() ?? NaN));
		if (!files.every(([suffix]) => cache.has(`${key}.${suffix}`)) || counts.some((count) => !Number.isInteger(count))) {
			toPrint.push(issueId);
			continue;
		}
		// An entry removed meanwhile (another build pruning the same cache): print the issue; what was linked is replaced.
		const linked = files.every(([suffix, file]) => {
			mkdirSync(path.dirname(file), { recursive: true });
			return cache.linkTo(`${key}.${suffix}`, file);
		});
		if (!linked) {
			toPrint.push(issueId);
			continue;
		}
		scripts.forEach((script, i) => pages.set(pdfFile(siteDir, issueId, script), counts[i]!));
	}
	return { toPrint, keys, pages };
}

/** Keeps the files just printed (and their PDFs' page counts) for the next build, and drops what this build did not use. */
function storeInCache(
	siteDir: string,
	printed: readonly string[],
	keys: ReadonlyMap<string, string>,
	pages: ReadonlyMap<string, number>,
	cache: StepCache,
): void {
	for (const issueId of printed) {
		const key = keys.get(issueId);
		if (key === undefined) continue;
		for (const script of scriptsOf(siteDir, issueId)) {
			for (const [suffix, file] of printFiles(siteDir, issueId, script)) cache.write(`${key}.${suffix}`, readFileSync(file));
			const count = pages.get(pdfFile(siteDir, issueId, script));
			if (count !== undefined) cache.write(pagesEntry(key, script), String(count));
		}
	}
	cache.prune();
}

/** The build's Word files, with a progress line as the PDFs have (quiet for a small site) instead of a line per file. */
async function writeWordFilesShowingProgress(outDir: string, issueIds: readonly string[] = printableIssues(outDir)): Promise<{ summary: string }> {
	const total = issueIds.reduce((sum, issueId) => sum + scriptsOf(outDir, issueId).length, 0);
	const writing = progress(buildMessages.stepWord(), total, { unit: buildMessages.unitWordFiles() });
	const word = await writeWordFiles(outDir, () => writing.tick(), issueIds);
	writing.finish();
	return word;
}

/**
 * The PDFs printed during the page build (alongside.ts) that are final: those of `issueIds`
 * whose printing read what the built site holds now (print-key.ts' `printPageDigest`).
 */
export function finalEarlyPrints(
	outDir: string,
	base: string,
	issueIds: readonly string[],
	early: readonly PrintedEarly[],
	digests: Map<string, string>,
): PrintedEarly[] {
	const wanted = new Set(issueIds);
	return early.filter(
		(pdf) =>
			wanted.has(pdf.issueId) &&
			existsSync(pdf.file) &&
			pdf.file === pdfFile(outDir, pdf.issueId, pdf.script) &&
			printPageDigest(outDir, base, pdf.issueId, pdf.script, digests) === pdf.pageDigest,
	);
}

/**
 * Prints `issueIds` to PDF, except the PDFs in `early` already printed, and writes their Word
 * files; throws MissingPrintFontsError as printIssues does.
 */
async function printAndWrite(
	outDir: string,
	base: string,
	issueIds: readonly string[],
	early: readonly PrintedEarly[],
	printer: Promise<Printer>,
	closePrinter: () => Promise<void>,
): Promise<{ outcome: string; pages: Map<string, number> }> {
	const done = new Set(early.map((pdf) => `${pdf.issueId}|${pdf.script}`));
	const only = (issueId: string, script: Script) => !done.has(`${issueId}|${script}`);
	const pdfCount = issueIds.reduce((sum, issueId) => sum + scriptsOf(outDir, issueId).filter((script) => only(issueId, script)).length, 0);
	const printing = progress(buildMessages.stepPdf(), pdfCount, { unit: buildMessages.unitPdfs() });
	const results = [...early, ...(await printIssues({ siteDir: outDir, base, issueIds, only, printer, onProgress: () => printing.tick() }))];
	printing.finish();
	// Closed beside the Word files.
	const closing = closePrinter();
	const word = await writeWordFilesShowingProgress(outDir, issueIds);
	await closing;
	return { outcome: `${summarize(results)}; ${word.summary}`, pages: new Map(results.map((result) => [result.file, result.pages])) };
}

/** Where the print step's time went and what it printed where, for the benchmark (`compendium-print-report.json` in the cache directory). */
export interface PrintReport {
	issues: number;
	reusedIssues: number;
	/** PDFs printed by the step, after the page build. */
	printedAfter: number;
	/** PDFs printed beside the page build (alongside.ts) and taken. */
	printedBeside: number;
	/** PDFs printed beside the page build that were not taken (their issue came from the cache, or their page changed after). */
	printedBesideUnused: number;
	/** Seconds of each phase of the step. */
	seconds: { waitForBeside: number; keysAndCache: number; printAndWord: number; storeInCache: number; labels: number };
}

const PRINT_REPORT = 'compendium-print-report.json';

function writePrintReport(cacheDir: string, report: PrintReport): void {
	writeFileSync(path.join(cacheDir, PRINT_REPORT), `${JSON.stringify(report, null, '\t')}\n`);
}

/** The last build's print report in `cacheDir`, if it printed with a cache. */
export function readPrintReport(cacheDir: string): PrintReport | undefined {
	try {
		return JSON.parse(readFileSync(path.join(cacheDir, PRINT_REPORT), 'utf8')) as PrintReport;
	} catch {
		return undefined;
	}
}

/** A stopwatch: each call returns the seconds since the previous one. */
function laps(): () => number {
	let last = performance.now();
	return () => {
		const now = performance.now();
		const seconds = (now - last) / 1000;
		last = now;
		return Math.round(seconds * 100) / 100;
	};
}

/** The print step's name, as the build's reuse report and the integration know it. */
export const PDF_STEP_NAME = 'PDF issues';

/** The post-build step that prints the PDFs (Word files only without Chromium), taking unchanged issues' files from the build's cache. */
export function pdfStep(): PostBuildStep {
	return {
		name: PDF_STEP_NAME,
		async run(outDir, { cacheDir, reuse, printedEarly }: PostBuildContext) {
			const { base } = loadSiteConfig();
			const issues = printableIssues(outDir);
			const skip = async (reason: string) => {
				const word = await writeWordFilesShowingProgress(outDir);
				await pruneDanglingPdfLinks(outDir, base);
				return printMessages.pdfSkipped(issues.length, reason, word.summary);
			};
			// Whatever happens next, the printing beside the pages is over before this step writes anything.
			if (cacheDir) rmSync(path.join(cacheDir, PRINT_REPORT), { force: true });
			const lap = laps();
			const early = (await printedEarly) ?? [];
			const waitedForEarly = lap();
			if (issues.length === 0) return printMessages.noIssuesToPrint();
			// Off means no print files at all: the Word files cost as much as a third of a large build.
			if (process.env[PDF_SWITCH] === 'off') {
				await pruneDanglingPdfLinks(outDir, base);
				return printMessages.switchedOff(issues.length, PDF_SWITCH);
			}
			if (!findChromium()) return skip(printMessages.noChromium());
			// The browser starts while the cache is looked up: about a second saved when an issue is
			// printed, a browser opened and closed for nothing (beside the labels) when none is.
			const printer = openPrinter({ siteDir: outDir, base });
			// A failed start is reported where the printer is used, if it is.
			printer.catch(() => {});
			let closing: Promise<void> | undefined;
			const closePrinter = () =>
				(closing ??= printer.then(
					(opened) => opened.close(),
					() => undefined,
				));
			try {
				const cache = cacheDir ? new StepCache(path.join(cacheDir, PRINT_CACHE_DIR)) : undefined;
				const digests = new Map<string, string>();
				const taken = cache
					? await takeFromCache(outDir, base, issues, cache, digests)
					: { toPrint: issues, keys: new Map<string, string>(), pages: new Map<string, number>() };
				const { toPrint, keys } = taken;
				const pages = new Map(taken.pages);
				const reusedIssues = issues.length - toPrint.length;
				if (!toPrint.length) void closePrinter();
				const outcome: string[] = [];
				const report: PrintReport = {
					issues: issues.length,
					reusedIssues,
					printedAfter: 0,
					printedBeside: 0,
					printedBesideUnused: early.length,
					seconds: { waitForBeside: waitedForEarly, keysAndCache: lap(), printAndWord: 0, storeInCache: 0, labels: 0 },
				};
				try {
					if (toPrint.length) {
						const final = finalEarlyPrints(outDir, base, toPrint, early, digests);
						const printed = await printAndWrite(outDir, base, toPrint, final, printer, closePrinter);
						outcome.push(printed.outcome);
						for (const [file, count] of printed.pages) pages.set(file, count);
						Object.assign(report, {
							printedBeside: final.length,
							printedBesideUnused: early.length - final.length,
							printedAfter: printed.pages.size - final.length,
						});
					}
				} catch (error) {
					// Like a missing browser: the site is still worth publishing, and the message says what to install.
					if (error instanceof MissingPrintFontsError) return skip(printMessages.rebuildAfter(error.message));
					throw error;
				}
				report.seconds.printAndWord = lap();
				if (reusedIssues) outcome.push(buildMessages.printReused(reusedIssues));
				if (cache) {
					storeInCache(outDir, toPrint, keys, pages, cache);
					reuse?.('printFiles', { reused: reusedIssues, rebuilt: toPrint.length });
				}
				report.seconds.storeInCache = lap();
				await pruneDanglingPdfLinks(outDir, base, pages);
				report.seconds.labels = lap();
				if (cacheDir) writePrintReport(cacheDir, report);
				return outcome.join('; ');
			} finally {
				await closePrinter();
			}
		},
	};
}
