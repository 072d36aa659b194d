/**
 * The printed issues, checked the way an official would: masthead, table of contents
 * whose numbers lead to the right pages, folios, bookmarks, embedded (non-Type 3) fonts,
 * traditional text in the 繁體 edition. Prints the PDFs afresh into SITE_DIR (default
 * dist) with the installed Chromium, then reads them with poppler-utils and pdf-lib.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import mammoth from 'mammoth';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/content/site-config.ts';
import { SCRIPT_SEGMENT } from '../../src/lib/i18n/scripts.ts';
import { toScript } from '../../src/lib/i18n/script-text.ts';
import { BUNDLED_FACES, FONTSOURCE_PACKAGE, PRINT_ASSET_SEGMENT } from '../../src/lib/print/fonts.ts';
import { readOutline } from '../../src/lib/print/pdf-finish.ts';
import { pdfLinks } from '../../src/lib/print/pdf-links.ts';
import { parsePrintMeta, type PrintMeta } from '../../src/lib/print/print-meta.ts';
import { pdfFile, printIssues, printableIssues } from '../../src/lib/print/printer.ts';
import { docxFile, writeIssueDocx } from '../../src/lib/docx/write.ts';
import { parsePrintPage } from '../../src/lib/print/issue-model.ts';
import { SCRIPTS, type Script } from '../../src/schemas/script.ts';

const require = createRequire(import.meta.url);
const siteDir = path.resolve(process.env.SITE_DIR ?? 'dist');
const { base } = loadSiteConfig();
const issues = printableIssues(siteDir);
const jobs = issues.flatMap((issueId) => SCRIPTS.map((script) => ({ issueId, script })));

/** Text of each page, laid out as on paper (pdftotext -layout), 1-based via index + 1. */
function pageTexts(file: string): string[] {
	return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
		.split('\f')
		.slice(0, -1);
}

/**
 * Whitespace means nothing for matching CJK text across lines, nor the quote style: the
 * 繁體 edition of a tw/hk site prints 「」 where the page's data has “”.
 */
const squash = (text: string) => text.replace(/\s+/g, '').replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’');

function printPage(issueId: string, script: Script): { html: string; meta: PrintMeta; titles: string[] } {
	const file = path.join(siteDir, SCRIPT_SEGMENT[script], 'issues', issueId, 'print', 'index.html');
	const html = readFileSync(file, 'utf8');
	const json = /<script type="application\/json" id="print-meta">([\s\S]*?)<\/script>/.exec(html)?.[1];
	const titles = [...html.matchAll(/<h2 class="case-title"[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => squash(m[1]!.replace(/<[^>]+>/g, '')));
	return { html, meta: parsePrintMeta(json?.replace(/\\u003c/g, '<'), file), titles };
}

describe('printed issues', () => {
	it('the built site has issue print pages to print', () => {
		expect(issues.length, `no issue print pages in ${siteDir}`).toBeGreaterThan(0);
	});

	beforeAll(async () => {
		await printIssues({ siteDir, base });
		await writeIssueDocx(siteDir);
	}, 900_000);

	describe.each(jobs)('$issueId ($script)', ({ issueId, script }) => {
		let pages: string[];
		let page: ReturnType<typeof printPage>;
		const file = () => pdfFile(siteDir, issueId, script);

		beforeAll(() => {
			pages = pageTexts(file());
			page = printPage(issueId, script);
		});

		it('is where the issue page links it', () => {
			expect(existsSync(file())).toBe(true);
		});

		it('opens with the masthead: series, number, compiling office and date', () => {
			const first = squash(pages[0]!);
			const masthead = /<header class="masthead">([\s\S]*?)<\/header>/.exec(page.html)![1]!;
			const series = squash(/<h1 class="mh-series"[^>]*>([\s\S]*?)<\/h1>/.exec(masthead)![1]!.replace(/<[^>]+>/g, ''));
			const imprint = /<p class="mh-imprint">([\s\S]*?)<\/p>/.exec(masthead)![1]!.replace(/<[^>]+>/g, ' ');
			expect(first).toContain(series);
			expect(first).toContain(squash(/<p class="mh-number">([\s\S]*?)<\/p>/.exec(masthead)![1]!.replace(/<[^>]+>/g, '')));
			for (const part of imprint.trim().split(/\s+/)) expect(first).toContain(part);
		});

		it('lists the cases in issue order, each with the page its title is on', () => {
			const entries = page.meta.cases.map((c) => squash(c.title));
			// The table of contents ends on the first page that shows the last entry.
			const tocEnd = pages.findIndex((text) => squash(text).includes(entries.at(-1)!));
			expect(tocEnd, 'the last TOC entry').toBeGreaterThanOrEqual(0);
			const toc = squash(pages.slice(0, tocEnd + 1).join(''));
			let from = 0;
			for (const [i, entry] of entries.entries()) {
				const at = toc.indexOf(entry, from);
				expect(at, `TOC entry ${i + 1} "${entry}" after the one before`).toBeGreaterThanOrEqual(from);
				from = at + entry.length;
				const listed = Number(/^(\d+)/.exec(toc.slice(from))?.[1]);
				// Where the title really is: the first page after the table of contents that shows it.
				const shown = pages.findIndex((text, p) => p > tocEnd && squash(text).includes(page.titles[i]!)) + 1;
				expect(listed, `page number of "${entry}"`).toBe(shown);
			}
		});

		it('has a sane page count: a masthead page and at least a page per case', () => {
			const cases = page.meta.cases.length;
			expect(pages.length).toBeGreaterThanOrEqual(1 + cases);
			expect(pages.length).toBeLessThanOrEqual(2 + cases * 8);
		});

		it('numbers every page "— N —", odd folios right and even folios left', () => {
			pages.forEach((text, i) => {
				const lines = text.split('\n').filter((line) => line.trim());
				const folio = lines.at(-1)!;
				expect(squash(folio), `folio of page ${i + 1}`).toBe(`—${i + 1}—`);
				const indent = folio.length - folio.trimStart().length;
				const width = Math.max(...lines.map((line) => line.trimEnd().length));
				if ((i + 1) % 2 === 1) expect(indent, `page ${i + 1} folio on the right`).toBeGreaterThan(width / 2);
				else expect(indent, `page ${i + 1} folio on the left`).toBeLessThan(width / 4);
			});
		});

		it('bookmarks each case at its page, with title and language set', async () => {
			const doc = await PDFDocument.load(readFileSync(file()), { updateMetadata: false });
			const outline = readOutline(doc);
			expect(outline.map((e) => e.title)).toEqual(page.meta.cases.map((c) => c.title));
			outline.forEach((entry, i) => expect(squash(pages[entry.pageIndex]!)).toContain(page.titles[i]!));
			expect(doc.getTitle()).toBe(page.meta.title);
			expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain(script === 'hans' ? 'zh-Hans' : 'zh-Hant');
			for (const p of doc.getPages()) {
				const { width, height } = p.getSize();
				expect(Math.abs(width - 595.28)).toBeLessThan(1.5);
				expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
			}
		});

		it('never starts a line with closing punctuation or ends one with opening punctuation (避头尾)', () => {
			const lines = pages.flatMap((text, i) => text.split('\n').map((line) => ({ page: i + 1, line: line.trim() }))).filter((l) => l.line);
			const bad = lines.filter(({ line }) => /^[，。、；：？！）》」』”’]/u.test(line) || /[（《「『“‘]$/u.test(line));
			expect(bad.map((l) => `p.${l.page}: ${l.line}`)).toEqual([]);
			expect(lines.length).toBeGreaterThan(pages.length * 5);
		});

		it('sets body text on the 28-character grid', () => {
			// No line holds more than 28 characters, and full lines (the commonest long ones) hold 28.
			const full = pages
				.slice(1)
				.flatMap((text) => text.split('\n').map((line) => line.trim()))
				.filter((line) => /^[\p{Script=Han}“”（）《》，。、；：]+$/u.test(line) && [...line].length >= 26);
			expect(full.length).toBeGreaterThan(10);
			const counts = full.map((line) => [...line].length);
			expect(Math.max(...counts)).toBe(28);
			const mode = [26, 27, 28].sort((a, b) => counts.filter((n) => n === b).length - counts.filter((n) => n === a).length)[0];
			expect(mode, 'the commonest length of long lines').toBe(28);
		});

		it('embeds every font as a real font, none as Type 3', () => {
			const rows = execFileSync('pdffonts', [file()], { encoding: 'utf8' })
				.split('\n')
				.slice(2)
				.filter((row) => row.trim());
			expect(rows.length).toBeGreaterThan(0);
			for (const row of rows) {
				expect(row, row).not.toMatch(/Type 3/);
				expect(row, row).toMatch(/\byes\s+yes\s+yes\b/);
			}
		});

		it('keeps the table of contents on the masthead page', () => {
			expect(squash(pages[0]!)).toContain(squash(page.meta.cases.at(-1)!.title).slice(-6));
		});

		/** The lines of a page without the running head and the folio. */
		const bodyLines = (i: number) => {
			const lines = pages[i]!.split('\n').filter((line) => line.trim());
			return lines.slice(i === 0 ? 0 : 1, -1);
		};

		it('leaves no page with fewer than three lines, nor a source line alone', () => {
			pages.forEach((_, i) => {
				const lines = bodyLines(i);
				expect(lines.length, `page ${i + 1}: ${lines.join(' / ')}`).toBeGreaterThanOrEqual(3);
				const source = lines.findIndex((line) => /^\s*（(来源|來源)/.test(line));
				if (source >= 0) expect(source, `page ${i + 1} starts with its source line`).toBeGreaterThan(0);
			});
		});

		it('names the publisher in every source line', () => {
			const issue = parsePrintPage(page.html, issueId);
			for (const c of issue.cases) expect(c.source).toMatch(/^（(来源|來源)：\S+/);
			const text = squash(pages.join(''));
			for (const c of issue.cases) expect(text).toContain(squash(c.source));
		});

		it('repeats the key figures header on every page a figures table runs onto', () => {
			const issue = parsePrintPage(page.html, issueId);
			const header = squash(issue.cases.find((c) => c.figures)?.figures?.head[0]?.join('') ?? '');
			if (!header) return;
			for (const c of issue.cases) {
				for (const row of c.figures?.body ?? []) {
					// A whole row as the table prints it (body text may say one label and figure too).
					const label = squash(row.join(''));
					const where = pages.findIndex((text) => squash(text).includes(label));
					if (where >= 0) expect(squash(pages[where]!), `page ${where + 1} with "${label}"`).toContain(header);
				}
			}
		});

		it.runIf(script === 'hant')('quotes with 「」 as the Taiwan standard does', () => {
			const all = pages.join('');
			expect(all).toContain('「');
			expect(all).not.toMatch(/[“”]/);
		});

		it.runIf(script === 'hant')('is in traditional characters', () => {
			const hans = printPage(issueId, 'hans');
			const all = squash(pages.join(''));
			for (const entry of hans.meta.cases) expect(all).toContain(squash(toScript(entry.title, 'hans', 'hant')));
			expect(all).toMatch(/[經驗區縣黨這們為與發]/);
		});
	});

	it('publishes none of the print fonts: the printer alone is served them (printAssetMount)', () => {
		const published = readdirSync(siteDir, { recursive: true, encoding: 'utf8' });
		expect(published.filter((file) => file.split(path.sep).includes(PRINT_ASSET_SEGMENT))).toEqual([]);
		const printFonts = new Set([
			...readdirSync(path.join(path.dirname(require.resolve(`@fontsource/${FONTSOURCE_PACKAGE}/package.json`)), 'files')),
			...BUNDLED_FACES.map((face) => face.file),
		]);
		expect(published.filter((file) => printFonts.has(path.basename(file)))).toEqual([]);
	});

	it('links from each issue page only PDFs that exist', () => {
		for (const issueId of issues) {
			for (const script of SCRIPTS) {
				const html = readFileSync(path.join(siteDir, SCRIPT_SEGMENT[script], 'issues', issueId, 'index.html'), 'utf8');
				for (const href of pdfLinks(html)) expect(existsSync(path.join(siteDir, href.slice(base.length))), href).toBe(true);
			}
		}
	});

	describe('Word files', () => {
		const loDir = path.resolve('.tmp', 'print-test-lo');

		beforeAll(() => {
			rmSync(loDir, { recursive: true, force: true });
			mkdirSync(loDir, { recursive: true });
			// One LibreOffice run converts every Word file, as an office would open them.
			execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', loDir, ...jobs.map((j) => docxFile(siteDir, j.issueId, j.script))], {
				stdio: 'ignore',
				timeout: 300_000,
			});
		}, 320_000);

		it.each(jobs)('$issueId ($script) opens with the masthead, every case title in order and the figures', async ({ issueId, script }) => {
			const { html } = printPage(issueId, script);
			const issue = parsePrintPage(html, issueId);
			const { value } = await mammoth.extractRawText({ path: docxFile(siteDir, issueId, script) });
			const text = squash(value);
			expect(text).toContain(squash(issue.seriesLines.join('')));
			expect(text).toContain(squash(issue.number));
			expect(text).toContain(squash(issue.imprint.organization));
			let from = text.indexOf(squash(issue.tocHeading));
			expect(from).toBeGreaterThanOrEqual(0);
			for (const c of issue.cases) {
				const at = text.indexOf(squash(c.titleLines.join('')), from);
				expect(at, c.titleLines.join('')).toBeGreaterThan(from);
				from = at;
				for (const row of c.figures?.body ?? []) for (const cell of row) expect(text).toContain(squash(cell));
			}
		});

		it.each(jobs)('$issueId ($script) renders in LibreOffice with a table of contents and every case', ({ issueId, script }) => {
			const rendered = path.join(loDir, path.basename(docxFile(siteDir, issueId, script)).replace(/\.docx$/, '.pdf'));
			const loPages = pageTexts(rendered);
			const pdfPages = pageTexts(pdfFile(siteDir, issueId, script));
			const issue = parsePrintPage(printPage(issueId, script).html, issueId);
			expect(squash(loPages[0]!)).toContain(squash(issue.tocHeading));
			// Each case title is on a page of its own start, in order, at the page the contents give.
			let last = 0;
			for (const c of issue.cases) {
				const title = squash(c.titleLines.join(''));
				const at = loPages.findIndex((text, i) => i > 0 && squash(text).includes(title));
				expect(at, `"${title}" in the LibreOffice rendering`).toBeGreaterThan(last - 1);
				last = at;
			}
			// Same grid as the PDF: the page counts agree within a fifth.
			expect(Math.abs(loPages.length - pdfPages.length)).toBeLessThanOrEqual(Math.ceil(pdfPages.length / 5));
		});
	});

	it('keeps print pages out of search engines and the search index', () => {
		for (const { issueId, script } of jobs) {
			const { html } = printPage(issueId, script);
			expect(html).toContain('<meta name="robots" content="noindex">');
			expect(html).not.toContain('data-pagefind-body');
		}
	});
});
