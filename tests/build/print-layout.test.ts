/**
 * Pagination of content the sample issues do not have, on a probe issue made from a built
 * print page: case texts that end with a heading, at every length, so that on some the
 * case end (key figures and source line, which never break) does not fit under the text.
 * Paged.js used to break before the whole case text there, found the page starting where
 * it started, and silently dropped the rest of the issue. Its contents are too long for the
 * masthead page, so every layout rule is applied to it: the printer applies them during the
 * layout (rewinding-layout.ts), which must give the PDF that a second layout with the same
 * fixes gives.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/lib/content/site-config.ts';
import { PRINT_META_ID, parsePrintMeta } from '../../src/lib/print/print-meta.ts';
import { printIssues, printPageFile, printableIssues, type PrintResult } from '../../src/lib/print/printer.ts';

const siteDir = path.resolve(process.env.SITE_DIR ?? 'dist');
const { base } = loadSiteConfig();
const PROBE = 'layout-probe';
/** Case texts longer than a page, then 0, 2, … 20 one-line paragraphs more: every position of the end on a page of 22 lines. */
const LENGTHS = Array.from({ length: 11 }, (_, i) => 2 * i);
const FILLER = 24;

const heading = (i: number) => `分页检验小标题第${i + 1}例`;

/** A contents entry as the print page has them, with the page number Paged.js fills in. */
const tocEntry = ({ anchor, title }: { anchor: string; title: string }, i: number) =>
	`<li><a href="#${anchor}"><span class="toc-marker">${i + 1}、</span><span class="toc-text">${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</span>` +
	`<span class="toc-leader" aria-hidden="true"></span><span class="toc-page" data-target="#${anchor}"></span></a></li>`;

/** The first sample issue's print page with its cases replaced by copies of its first case, each text ending with a heading. */
function probePage(html: string): { html: string; cases: number } {
	const metaPattern = new RegExp(`(<script type="application/json" id="${PRINT_META_ID}">)([\\s\\S]*?)(</script>)`);
	const meta = parsePrintMeta(metaPattern.exec(html)![2]!.replace(/\\u003c/g, '<'), 'probe');
	const first = html.indexOf('<article class="case"');
	const article = html.slice(first, html.indexOf('</article>', first) + '</article>'.length);
	const bodyEnd = article.indexOf('</div><footer class="case-end');
	expect(bodyEnd, 'the case text is followed by the case end').toBeGreaterThan(0);
	const copies = LENGTHS.map((extra, i) => {
		const lines = Array.from({ length: FILLER + extra }, (_, line) => `<p>第${i + 1}例补充第${line + 1}行。</p>`).join('');
		return (article.slice(0, bodyEnd) + lines + `<h3>${heading(i)}</h3>` + article.slice(bodyEnd)).replace(
			/^<article class="case" id="[^"]+"/,
			`<article class="case" id="case-${i + 1}"`,
		);
	});
	const cases = LENGTHS.map((_, i) => ({ anchor: `case-${i + 1}`, title: `${meta.cases[0]!.title}（${i + 1}）` }));
	const probeMeta = JSON.stringify({ ...meta, cases }).replace(/</g, '\\u003c');
	const main = html.indexOf('</main>');
	return {
		html: (html.slice(0, first) + copies.join('\n') + html.slice(main))
			.replace(metaPattern, (_, open: string, __: string, close: string) => open + probeMeta + close)
			// Contents of the probe's cases: too many for the masthead page, so the first page is set tighter.
			.replace(/<ol class="toc-list">[\s\S]*?<\/ol>/, () => `<ol class="toc-list">${cases.map(tocEntry).join('')}</ol>`),
		cases: copies.length,
	};
}

describe('a case text ending with a heading', () => {
	const work = mkdtempSync(path.join(tmpdir(), 'print-layout-'));
	const pdf = path.join(work, `${PROBE}.pdf`);
	const twice = path.join(work, `${PROBE}-twice.pdf`);
	let pages: string[];
	let printed: PrintResult[];
	let printedTwice: PrintResult[];

	beforeAll(async () => {
		const issue = printableIssues(siteDir)[0];
		expect(issue, `no issue print pages in ${siteDir}`).toBeDefined();
		const probe = probePage(readFileSync(printPageFile(siteDir, issue!, 'hans'), 'utf8'));
		const file = printPageFile(work, PROBE, 'hans');
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, probe.html);
		// The layout rules applied during the layout, and (as before) by a second layout.
		[printed, printedTwice] = await Promise.all([
			printIssues({ siteDir: work, base, issueIds: [PROBE], scripts: ['hans'], outFile: () => pdf }),
			printIssues({ siteDir: work, base, issueIds: [PROBE], scripts: ['hans'], outFile: () => twice, rulesDuringLayout: false }),
		]);
		pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
			.split('\f')
			.slice(0, -1)
			.map((text) => text.replace(/\s+/g, ''));
	}, 600_000);

	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('prints every case to its end: last line, heading and source line', () => {
		for (const [i, extra] of LENGTHS.entries()) {
			const text = pages.join('');
			expect(text, `case ${i + 1}: its last line`).toContain(`第${i + 1}例补充第${FILLER + extra}行。`);
			expect(text, `case ${i + 1}: the heading that ends its text`).toContain(heading(i));
		}
		expect(pages.join('').match(/（来源：/g)?.length, 'source lines').toBe(LENGTHS.length);
	});

	it('applies the layout rules during the layout, to the same PDF as a second layout with the same fixes gives', () => {
		expect(printedTwice[0]!.layouts, 'the probe breaks a rule the first layout does not fix by itself').toBe(2);
		expect(printedTwice[0]!.adjustments.compact, 'the contents are set tighter').toBe(true);
		expect(printedTwice[0]!.adjustments.keepEnds.length + printedTwice[0]!.adjustments.splitEnds.length, 'case ends are moved').toBeGreaterThan(0);
		expect(printed[0]!.layouts).toBe(1);
		expect(printed[0]!.adjustments).toEqual(printedTwice[0]!.adjustments);
		expect(readFileSync(pdf).equals(readFileSync(twice)), 'the same bytes').toBe(true);
	});

	it('keeps that heading on the page of the case end, never alone at the foot of a page', () => {
		for (const i of LENGTHS.keys()) {
			const page = pages.find((text) => text.includes(heading(i)));
			expect(page, `case ${i + 1}`).toBeDefined();
			expect(page!.slice(page!.indexOf(heading(i))), `case ${i + 1}: source line after the heading`).toContain('（来源：');
		}
	});
});
