/**
 * The yearly volume (合订本) of a series: every issue dated in one year, in one PDF and one
 * Word file, with a cover, a table of contents by issue and page numbers that run on
 * through all issues. Issues are printed afresh with their first page number set (so their
 * own contents and folios agree with the volume), then joined behind the cover.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { SCRIPT_LANG, SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { SCRIPTS, type Script } from '../../schemas/script.ts';
import { volumeDocx } from '../docx/issue-docx.ts';
import { parsePrintPage, type PrintIssue } from './issue-model.ts';
import { balancedLines } from './line-breaks.ts';
import { finishPdf, readOutline, type OutlineEntry } from './pdf-finish.ts';
import { pdfFile, printableIssues, printIssues, printPageFile, printPlainPage } from './printer.ts';

/** An issue of a volume: its id and its content as read from its print page. */
export interface VolumeIssue {
	id: string;
	issue: PrintIssue;
}

/** The issues that make up one volume: one series, one year, one script. */
export interface VolumeGroup {
	/** File name stem: the issue ids' shared stem and the year, e.g. yuncheng-wumian-hongqi-2021. */
	slug: string;
	series: string;
	year: string;
	script: Script;
	issues: VolumeIssue[];
}

/** Issue ids without their trailing number: the stem the issues of a series share. */
const stem = (id: string) => id.replace(/-?\d+$/, '') || id;

/** The built issues dated in `year`, grouped by series and script, each group in issue order. */
export function volumeGroups(siteDir: string, year: string): VolumeGroup[] {
	const groups = new Map<string, VolumeGroup>();
	for (const id of printableIssues(siteDir)) {
		for (const script of SCRIPTS) {
			const file = printPageFile(siteDir, id, script);
			if (!existsSync(file)) continue;
			const issue = parsePrintPage(readFileSync(file, 'utf8'), path.relative(siteDir, file));
			if (!issue.meta.date.startsWith(`${year}-`)) continue;
			const series = issue.meta.series ?? issue.seriesLines.join('');
			const key = `${series}|${script}`;
			const group = groups.get(key) ?? { slug: `${stem(id)}-${year}`, series, year, script, issues: [] };
			group.issues.push({ id, issue });
			groups.set(key, group);
		}
	}
	for (const group of groups.values()) {
		group.issues.sort((a, b) => a.issue.meta.date.localeCompare(b.issue.meta.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
	}
	return [...groups.values()];
}

/** Years that have built issues, newest first. */
export function issueYears(siteDir: string): string[] {
	const years = new Set<string>();
	for (const id of printableIssues(siteDir)) {
		for (const script of SCRIPTS) {
			const file = printPageFile(siteDir, id, script);
			if (existsSync(file)) years.add(parsePrintPage(readFileSync(file, 'utf8'), file).meta.date.slice(0, 4));
		}
	}
	return [...years].sort().reverse();
}

/** A contents line of the volume: an issue (level 1) or one of its cases (level 2), with its page. */
export interface VolumeEntry {
	level: 1 | 2;
	title: string;
	page: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cover and contents as a print page (GB/T 9704 page, red series name, dotted leaders). */
export function frontMatterHtml(group: VolumeGroup, entries: readonly VolumeEntry[], labels: { volume: string; contents: string }): string {
	const organization = group.issues[0]?.issue.meta.author ?? '';
	const rows = entries
		.map((e) => `<li class="l${e.level}"><span class="t">${escape(e.title)}</span><span class="d"></span><span class="p">${e.page}</span></li>`)
		.join('');
	return `<!doctype html><html lang="${SCRIPT_LANG[group.script]}"><head><meta charset="utf-8"><title>${escape(group.series)} ${group.year}</title><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { font: 16pt/calc(225mm / 22 - 0.02mm) var(--fang), serif; }
body { margin: 0; }
.cover { height: 225mm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; }
.cover h1 { color: #e60012; font: 900 36pt/1.4 var(--song), serif; margin: 0 0 12mm; }
.cover p { margin: 0; font-size: 22pt; line-height: 2; }
.contents h2 { text-align: center; font: 400 16pt/inherit var(--hei), sans-serif; letter-spacing: 1em; margin: 0 0 6mm; }
ol { list-style: none; margin: 0; padding: 0; }
li { display: flex; align-items: baseline; break-inside: avoid; }
li.l1 { font-family: var(--hei), sans-serif; margin-top: 3mm; }
li.l2 { padding-left: 2em; }
.t { flex: 0 1 auto; line-break: strict; }
.d { flex: 1; border-bottom: 1.5pt dotted #000; margin: 0 0.3em; min-width: 2em; }
.p { min-width: 2em; text-align: right; }
</style></head><body><section class="cover"><h1>${balancedLines(group.series, 11)
		.map((line) => `<span>${escape(line)}</span>`)
		.join('<br>')}</h1><p>${escape(labels.volume)}</p><p>${escape(organization)}</p></section>
<section class="contents"><h2>${escape(labels.contents)}</h2><ol>${rows}</ol></section></body></html>`;
}

/** What `writeVolume` wrote: the PDF and Word file, the PDF's page count (cover and contents included) and size in bytes. */
export interface VolumeResult {
	pdf: string;
	docx: string;
	pages: number;
	bytes: number;
}

/**
 * Prints one volume: the issues with running page numbers into a work directory, the cover
 * and contents, then both joined into `<site>/pdf/<slug>.<script>.pdf`, and the Word file beside it.
 */
export async function writeVolume(siteDir: string, base: string, group: VolumeGroup, onProgress?: (line: string) => void): Promise<VolumeResult> {
	const work = path.join(siteDir, `.volume-${process.pid}`);
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	try {
		const traditional = group.script === 'hant';
		const labels = {
			volume: `${group.year}${traditional ? '年合訂本' : '年合订本'}`,
			contents: traditional ? '目錄' : '目录',
		};
		const parts: { id: string; file: string; firstPage: number; pages: number }[] = [];
		let next = 1;
		for (const { id } of group.issues) {
			const file = path.join(work, `${id}.pdf`);
			const [result] = await printIssues({ siteDir, base, issueIds: [id], scripts: [group.script], firstPage: next, outFile: () => file });
			if (!result) throw new Error(`issue ${id} was not printed`);
			parts.push({ id, file, firstPage: next, pages: result.pages });
			onProgress?.(`${id}: ${result.pages} pages from page ${next}`);
			next += result.pages;
		}
		const entries: VolumeEntry[] = [];
		const outline: { title: string; volumePage: number }[] = [];
		for (const [i, { issue }] of group.issues.entries()) {
			const part = parts[i]!;
			const issueTitle = `${issue.number}（${issue.imprint.date}）`;
			entries.push({ level: 1, title: issueTitle, page: part.firstPage });
			outline.push({ title: issue.meta.title, volumePage: part.firstPage });
			const marks = readOutline(await PDFDocument.load(readFileSync(part.file), { updateMetadata: false }));
			issue.cases.forEach((c, k) => {
				const page = part.firstPage + (marks[k]?.pageIndex ?? 0);
				entries.push({ level: 2, title: `${c.marker}${c.tocTitle}`, page });
				outline.push({ title: c.tocTitle, volumePage: page });
			});
		}
		// Cover and contents, served from the work directory inside the site.
		const frontName = 'front';
		const frontDir = path.join(work, frontName);
		mkdirSync(frontDir, { recursive: true });
		writeFileSync(path.join(frontDir, 'index.html'), frontMatterHtml(group, entries, labels));
		const root = base.endsWith('/') ? base : `${base}/`;
		const frontPdf = path.join(work, 'front.pdf');
		const frontPages = await printPlainPage(
			siteDir,
			base,
			`${root}${path.relative(siteDir, frontDir).split(path.sep).join('/')}/`,
			frontPdf,
			group.script,
		);
		const volume = await PDFDocument.create();
		for (const file of [frontPdf, ...parts.map((p) => p.file)]) {
			const source = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
			for (const page of await volume.copyPages(source, source.getPageIndices())) volume.addPage(page);
		}
		const organization = group.issues[0]?.issue.meta.author;
		const bytes = await finishPdf(
			await volume.save(),
			outline.map((o): OutlineEntry => ({ title: o.title, pageIndex: frontPages + o.volumePage - 1 })),
			{
				title: `${group.series} ${labels.volume}`,
				language: SCRIPT_LANG[group.script],
				...(organization ? { author: organization } : {}),
				creator: 'case-compendium (Paged.js, Chromium)',
			},
			new Date(`${group.issues.at(-1)!.issue.meta.date}T00:00:00Z`),
		);
		const pdf = pdfFile(siteDir, group.slug, group.script);
		mkdirSync(path.dirname(pdf), { recursive: true });
		writeFileSync(pdf, bytes);
		const docx = pdf.replace(/\.pdf$/, '.docx');
		writeFileSync(
			docx,
			await volumeDocx(
				group.issues.map((v) => v.issue),
				{ series: group.series, volume: labels.volume, contents: labels.contents, entries },
			),
		);
		onProgress?.(`${SCRIPT_SEGMENT[group.script]}: ${path.relative(siteDir, pdf)}, ${path.relative(siteDir, docx)}`);
		return { pdf, docx, pages: frontPages + next - 1, bytes: bytes.length };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
