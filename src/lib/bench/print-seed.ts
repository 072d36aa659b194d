/**
 * The incremental bench's seeded print cache (`npm run bench -- --seed-print`): the print
 * cache of a build filled with one printed issue's PDF and Word files, in each script, under
 * every issue's print key, as if every issue had been printed. A rebuild with PDFs on then
 * takes every unchanged issue's files from the cache and prints only the issues whose print
 * pages changed, as it would after a real cold build. At 10,000 cases a real cold build with
 * PDFs prints 2,000 PDFs (hours on two cores); seeded, the bench measures the rebuilds that
 * follow in minutes. The files are real in size but not each issue's own print: only the
 * timings are figures, never the files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { StepCache } from '../build/step-cache.ts';
import { SCRIPTS } from '../../schemas/script.ts';
import { docxFile } from '../docx/write.ts';
import { printerFingerprint, printFilesKey } from '../print/print-key.ts';
import { pdfFile, printableIssues } from '../print/printer.ts';
import { PRINT_CACHE_DIR, printCacheSuffixes } from '../print/step.ts';

/** Files the cache was seeded with: issues and entries written. */
export interface SeedCounts {
	issues: number;
	entries: number;
}

/**
 * Fills `cacheDir`'s print cache for every printable issue of the built site `siteDir` with
 * the print files of `sampleIssue`, which must already be printed into the site (`npm run
 * pdf -- --issue`).
 */
export async function seedPrintCache(siteDir: string, base: string, cacheDir: string, sampleIssue: string): Promise<SeedCounts> {
	const cache = new StepCache(path.join(cacheDir, PRINT_CACHE_DIR));
	const samples = await Promise.all(
		SCRIPTS.map(async (script) => {
			const pdf = readFileSync(pdfFile(siteDir, sampleIssue, script));
			const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
			return { suffixes: printCacheSuffixes(script), pdf, docx: readFileSync(docxFile(siteDir, sampleIssue, script)), pages };
		}),
	);
	const printer = printerFingerprint();
	const digests = new Map<string, string>();
	const counts: SeedCounts = { issues: 0, entries: 0 };
	for (const issueId of printableIssues(siteDir)) {
		const key = printFilesKey(siteDir, base, issueId, printer, digests);
		if (key === undefined) continue;
		counts.issues++;
		for (const { suffixes, pdf, docx, pages } of samples) {
			cache.write(`${key}.${suffixes.pdf}`, pdf);
			cache.write(`${key}.${suffixes.docx}`, docx);
			cache.write(`${key}.${suffixes.pages}`, String(pages));
			counts.entries += 3;
		}
	}
	return counts;
}
