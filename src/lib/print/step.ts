/**
 * The build's PDF step: prints every issue when a Chromium is installed, and otherwise
 * says how to get one. Either way, issue pages end up linking only PDFs that exist.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PostBuildStep } from '../build/post-build.ts';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../build/browser.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { pruneMissingPdfLinks } from './pdf-links.ts';
import { MissingPrintFontsError, printIssues, printableIssues, type PrintResult } from './printer.ts';
import { withBase } from '../routes.ts';
import { progress } from '../progress.ts';
import { SCRIPTS } from '../../schemas/script.ts';
import { SCRIPT_SEGMENT } from '../i18n/scripts.ts';

/** Set COMPENDIUM_PDF=off to build without PDFs even when Chromium is installed. */
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

/** Removes links to PDFs that are not in `siteDir` from its pages; returns how many pages changed. */
export function pruneDanglingPdfLinks(siteDir: string, base: string): number {
	const root = withBase(base);
	const exists = (href: string) => href.startsWith(root) && existsSync(path.join(siteDir, href.slice(root.length)));
	let changed = 0;
	for (const file of issuePageFiles(siteDir)) {
		const html = readFileSync(file, 'utf8');
		if (!html.includes('data-pdf-downloads')) continue;
		const pruned = pruneMissingPdfLinks(html, exists);
		if (pruned !== html) {
			writeFileSync(file, pruned);
			changed++;
		}
	}
	return changed;
}

export function summarize(results: readonly PrintResult[]): string {
	const pages = results.reduce((sum, r) => sum + r.pages, 0);
	const slowest = results.reduce((max, r) => Math.max(max, r.seconds), 0);
	return `${results.length} PDF(s), ${pages} pages, slowest ${slowest.toFixed(1)} s`;
}

export function pdfStep(): PostBuildStep {
	return {
		name: 'PDF issues',
		async run(outDir) {
			const { base } = loadSiteConfig();
			const issues = printableIssues(outDir);
			const skip = (reason: string) => {
				pruneDanglingPdfLinks(outDir, base);
				return `skipped ${issues.length} issue(s): ${reason}; issue pages link no PDFs`;
			};
			if (issues.length === 0) return 'no issues to print';
			if (process.env[PDF_SWITCH] === 'off') return skip(`${PDF_SWITCH}=off`);
			if (!findChromium()) return skip(`no Chromium found. To print them: ${HOW_TO_GET_CHROMIUM} Then run npm run build again`);
			let results: PrintResult[];
			try {
				const printing = progress('PDF issues', issues.length * SCRIPTS.length, { unit: 'PDFs' });
				results = await printIssues({ siteDir: outDir, base, onProgress: () => printing.tick() });
				printing.finish();
			} catch (error) {
				// Like a missing browser: the site is still worth publishing, and the message says what to install.
				if (error instanceof MissingPrintFontsError) return skip(`${error.message} Then run npm run build again`);
				throw error;
			}
			pruneDanglingPdfLinks(outDir, base);
			return summarize(results);
		},
	};
}
