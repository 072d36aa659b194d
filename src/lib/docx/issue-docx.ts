/**
 * An issue as a Word file (.docx) in official briefing layout, for offices that edit,
 * stamp and forward issues in Word or WPS: A4 with GB/T 9704 margins (mirrored, so the
 * type area registers front and back), 22 lines × 28 characters of 三号 仿宋, red
 * masthead with 期号, 编印单位 and date over a red rule, 编者按, a table of contents (a
 * real Word TOC field, prefilled so it is right before anyone updates fields), each case
 * on a new page, folios "— N —" on the outside. Fonts are named as offices have them
 * (仿宋_GB2312, 方正小标宋简体 …) with the Windows fonts as alternates in the font table.
 * Made with the `docx` package from the issue model the print page gives.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	DocumentGridType,
	Footer,
	HeadingLevel,
	LeaderType,
	LineRuleType,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type IParagraphOptions,
	type IRunOptions,
	type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import type { Block, PrintCase, PrintIssue, Run, TableBlock } from '../print/issue-model.ts';
import { balancedLines, emWidth } from '../print/line-breaks.ts';

/** Font names as installed in Chinese offices, each with the Windows font Word substitutes when it is missing. */
export const OFFICE_FONTS = {
	fang: { name: '仿宋_GB2312', alternate: 'FangSong' },
	title: { name: '方正小标宋简体', alternate: 'SimSun' },
	hei: { name: '黑体', alternate: 'SimHei' },
	kai: { name: '楷体_GB2312', alternate: 'KaiTi' },
	song: { name: '宋体', alternate: 'SimSun' },
} as const;
type FontRole = keyof typeof OFFICE_FONTS;

const RED = 'E60012';
/** Twips (1/20 pt) per millimetre. */
const MM = 56.6929;
/** GB/T 9704 5.2.1: 天头 37 mm, 订口 28 mm, type area 156 × 225 mm. */
const PAGE = {
	width: 11906,
	height: 16838,
	top: Math.round(37 * MM),
	bottom: Math.round(35 * MM),
	inside: Math.round(28 * MM),
	outside: Math.round(26 * MM),
};
const TEXT_WIDTH = PAGE.width - PAGE.inside - PAGE.outside;
/** 22 lines fill the 225 mm type area (a twip less, so rounding leaves room for all 22). */
const LINE = Math.floor((225 * MM) / 22);
/** 三号 = 16 pt = 32 half-points; one character is 320 twips. */
const BODY_SIZE = 32;
const CHAR = 320;
/**
 * 28 characters fill the 156 mm line (442.2 pt) only when each is ¼ pt narrower than 16 pt:
 * condensed by 5 twips. (A character grid, docGrid linesAndChars, would say the same to Word,
 * but LibreOffice and WPS lay it out with far wider pitches.)
 */
const TRACKING = -5;

/** How one issue's Word file is made: what to prefill and what to include. */
export interface DocxOptions {
	/** Page of each case's title (1-based), from the PDF, to prefill the table of contents. */
	casePages?: readonly number[];
	/** The issue's date, for the file's creation and modification time (same bytes on every build). */
	date?: Date;
}

function font(role: FontRole): IRunOptions['font'] {
	const name = OFFICE_FONTS[role].name;
	return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const run = (text: string, role: FontRole = 'fang', extra: IRunOptions = {}) => new TextRun({ text, font: font(role), ...extra });

function runsOf(runs: readonly Run[], role: FontRole = 'fang'): TextRun[] {
	return runs.flatMap((r) => r.text.split('\n').map((text, i) => run(text, r.strong ? 'hei' : r.em ? 'kai' : role, i > 0 ? { break: 1 } : {})));
}

const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function body(children: ParagraphChild[], extra: Partial<IParagraphOptions> = {}): Paragraph {
	return new Paragraph({
		children,
		alignment: AlignmentType.JUSTIFIED,
		indent: { firstLine: 2 * CHAR },
		spacing: exact(),
		...extra,
	});
}

const RUN_IN = /^[一二三四五六七八九十]+是/u;

/** Body blocks as Word paragraphs and tables. A 一是/二是 lead sentence runs into its paragraph. */
function blocks(list: readonly Block[], role: FontRole = 'fang'): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	for (let i = 0; i < list.length; i++) {
		const block = list[i]!;
		const next = list[i + 1];
		switch (block.kind) {
			case 'paragraph':
				out.push(body(runsOf(block.runs, role)));
				break;
			case 'heading': {
				const text = block.runs.map((r) => r.text).join('');
				const headingRole: FontRole = block.level <= 3 ? 'hei' : 'kai';
				const lead = block.runs.map((r) => run(r.text, headingRole));
				if (RUN_IN.test(text) && /[。；：]$/u.test(text) && next?.kind === 'paragraph') {
					out.push(body([...lead, ...runsOf(next.runs, role)]));
					i++;
				} else out.push(body(lead, { keepNext: true }));
				break;
			}
			case 'list':
				block.items.forEach((item, n) => out.push(body([run(block.ordered ? `${n + 1}. ` : '• ', role), ...runsOf(item, role)])));
				break;
			case 'quote':
				out.push(...blocks(block.blocks, 'kai'));
				break;
			case 'table':
				out.push(...table(block, false));
				break;
		}
	}
	return out;
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const line = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' });

/**
 * A table at 小四 (12 pt): key figures as a three-line table (三线表), other tables ruled.
 * The caption is centred above, figures right-aligned, the header row repeats on every
 * page, and no row splits across pages.
 */
function table(block: TableBlock, threeLine: boolean, keepWithNext = false): (Paragraph | Table)[] {
	const columns = Math.max(1, ...[...block.head, ...block.body].map((r) => r.length));
	const figureShare = 0.18;
	const figures = new Set(block.figureColumns);
	const textColumns = columns - figures.size;
	const widths = Array.from({ length: columns }, (_, i) =>
		Math.floor(figures.has(i) ? TEXT_WIDTH * figureShare : (TEXT_WIDTH * (1 - figureShare * figures.size)) / Math.max(1, textColumns)),
	);
	// A table may break between rows (the header row repeats), but its caption, header and first
	// two rows stay together, and its last two rows stay with what follows (the source line).
	const keepRow = (row: number) => row < 2 || (keepWithNext && row >= block.body.length - 2);
	const cell = (text: string, column: number, header: boolean, keep: boolean) =>
		new TableCell({
			width: { size: widths[column]!, type: WidthType.DXA },
			margins: { left: 85, right: figures.has(column) ? 170 : 85, top: 20, bottom: 20 },
			...(threeLine ? { borders: { top: NONE, bottom: header ? line(5) : NONE, left: NONE, right: NONE } } : {}),
			children: [
				new Paragraph({
					alignment: figures.has(column) ? AlignmentType.RIGHT : header && !threeLine ? AlignmentType.CENTER : AlignmentType.LEFT,
					spacing: { line: 384, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
					keepNext: keep,
					children: [run(text, header ? 'hei' : 'fang', { size: 24 })],
				}),
			],
		});
	const rows = [
		...block.head.map((r) => new TableRow({ tableHeader: true, cantSplit: true, children: r.map((text, i) => cell(text, i, true, true)) })),
		...block.body.map(
			(r, row) =>
				new TableRow({
					cantSplit: true,
					children: Array.from({ length: columns }, (_, i) => cell(r[i] ?? '', i, false, keepRow(row))),
				}),
		),
	];
	const out: (Paragraph | Table)[] = [];
	if (block.caption) {
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: true,
				spacing: { ...exact(), before: threeLine ? LINE : 0 },
				children: [run(block.caption, 'hei', { size: 28 })],
			}),
		);
	}
	out.push(
		new Table({
			width: { size: TEXT_WIDTH, type: WidthType.DXA },
			columnWidths: widths,
			alignment: AlignmentType.CENTER,
			rows,
			borders: threeLine
				? { top: line(12), bottom: line(12), left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
				: { top: line(4), bottom: line(4), left: line(4), right: line(4), insideHorizontal: line(4), insideVertical: line(4) },
		}),
	);
	return out;
}

function masthead(issue: PrintIssue, newPage = false): Paragraph[] {
	const size = issue.seriesSizePt * 2;
	const out: Paragraph[] = [];
	if (issue.internalMark) out.push(new Paragraph({ pageBreakBefore: newPage, spacing: exact(), children: [run(issue.internalMark, 'hei')] }));
	issue.seriesLines.forEach((text, i) =>
		out.push(
			new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: {
					line: Math.round(issue.seriesSizePt * 20 * 1.25),
					lineRule: LineRuleType.EXACT,
					before: i === 0 ? Math.round(6 * MM) : 0,
					after: 0,
				},
				children: [run(text, 'title', { size, color: RED, characterSpacing: Math.round(issue.seriesSizePt) /* 0.05 em */ })],
			}),
		),
	);
	out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(), before: Math.round(4 * MM) }, children: [run(issue.number)] }));
	out.push(
		new Paragraph({
			spacing: exact(),
			indent: { left: CHAR, right: CHAR },
			tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
			border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
			children: [run(issue.imprint.organization), run(`\t${issue.imprint.date}`)],
		}),
	);
	out.push(new Paragraph({ spacing: exact(), children: [] }));
	return out;
}

function editorsNote(issue: PrintIssue): Paragraph[] {
	if (!issue.note) return [];
	const [first, ...rest] = issue.note.blocks;
	const label = run(`${issue.note.label}：`, 'hei');
	if (first?.kind !== 'paragraph') return [body([label]), ...(blocks(issue.note.blocks, 'kai') as Paragraph[])];
	return [body([label, ...runsOf(first.runs, 'kai')]), ...(blocks(rest, 'kai') as Paragraph[])];
}

/**
 * A contents page: its heading, then a Word TOC field over the titles of `headingStyleRange`,
 * written with the entries (and their pages, where known) already in, so it reads right
 * before Word updates the field.
 */
function contentsField(
	heading: string,
	headingStyleRange: string,
	entries: { title: string; level: number; page?: number }[],
	pageBreakBefore = false,
): (Paragraph | TableOfContents)[] {
	return [
		new Paragraph({
			...(pageBreakBefore ? { pageBreakBefore } : {}),
			alignment: AlignmentType.CENTER,
			spacing: exact(),
			children: [run(heading, 'hei', { characterSpacing: CHAR })],
		}),
		new TableOfContents(heading, { hyperlink: true, headingStyleRange, beginDirty: false, tabLeader: LeaderType.DOT, cachedEntries: entries }),
	];
}

/** 本期目录: the contents of one issue, its cases' titles with their markers. */
function contents(issue: PrintIssue, pages: readonly number[] | undefined): (Paragraph | TableOfContents)[] {
	return contentsField(
		issue.tocHeading,
		'1-1',
		issue.cases.map((c, i) => ({
			title: `${c.marker}${c.tocTitle}`,
			level: 1,
			...(pages?.[i] !== undefined ? { page: pages[i] } : {}),
		})),
	);
}

/** 二号 (22 pt) titles on a 410 pt line (the type area less a character each side): at most 18 characters. */
const TITLE_EM = 18;

/** The page's title lines; a single line too long for one printed line is broken between words, balanced. */
function titleLines(lines: readonly string[]): string[] {
	return lines.length === 1 && emWidth(lines[0]!) > TITLE_EM ? balancedLines(lines[0]!, TITLE_EM) : [...lines];
}

function caseContent(c: PrintCase): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [
		new Paragraph({
			heading: HeadingLevel.HEADING_1,
			pageBreakBefore: true,
			alignment: AlignmentType.CENTER,
			indent: { left: CHAR, right: CHAR },
			spacing: exact(),
			keepNext: true,
			children: titleLines(c.titleLines).map((text, i) => run(text, 'title', { size: 44, ...(i > 0 ? { break: 1 } : {}) })),
		}),
	];
	if (c.subtitle) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(), keepNext: true, children: [run(c.subtitle, 'kai')] }));
	out.push(
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(), after: LINE }, keepNext: true, children: [run(c.unitLine, 'kai')] }),
	);
	out.push(...blocks(c.body));
	if (c.figures) out.push(...table(c.figures, true, true));
	out.push(body([run(c.source, 'kai')], { spacing: { ...exact(), before: LINE }, keepLines: true }));
	return out;
}

function recordBlock(issue: PrintIssue): Paragraph[] {
	if (!issue.banji) return [];
	const rule = line(6);
	const size = 28;
	const rows = [
		...issue.banji.lines.map((text) => [run(text, 'fang', { size })]),
		[run(issue.banji.imprint[0], 'fang', { size }), run(`\t${issue.banji.imprint[1]}`, 'fang', { size })],
	];
	return rows.map(
		(children, i) =>
			new Paragraph({
				keepNext: i < rows.length - 1,
				keepLines: true,
				spacing: { ...exact(), before: i === 0 ? 2 * LINE : 0 },
				indent: { left: CHAR, right: CHAR },
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * CHAR }],
				border: { ...(i === 0 ? { top: { ...rule, size: 8, space: 1 } } : {}), bottom: { ...rule, size: i === rows.length - 1 ? 8 : 4, space: 1 } },
				children,
			}),
	);
}

/** "— N —" in 四号 宋体, one character in from the outside edge: odd pages right, even pages left. */
function folio(side: 'odd' | 'even'): Footer {
	return new Footer({
		children: [
			new Paragraph({
				alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
				indent: side === 'odd' ? { right: 280 } : { left: 280 },
				children: [new TextRun({ font: font('song'), size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })],
			}),
		],
	});
}

/**
 * Word-only details the docx package does not write (mirrored margins, the fonts' alternates),
 * and the issue's date as the file's dates so two builds give the same bytes.
 */
async function finishPackage(bytes: Buffer, date: Date): Promise<Buffer> {
	const zip = await JSZip.loadAsync(bytes);
	const settings = await zip.file('word/settings.xml')!.async('string');
	// mirrorMargins comes before most settings in the schema's order; right after the opening tag is valid.
	zip.file('word/settings.xml', settings.replace(/(<w:settings\b[^>]*>)/, '$1<w:mirrorMargins/>'));
	// The docx package sets the prefilled contents' page-number tab for its default page width.
	const documentXml = await zip.file('word/document.xml')!.async('string');
	zip.file(
		'word/document.xml',
		documentXml
			.replace(/<w:tab w:val="clear" w:pos="\d+"\/>/g, '')
			.replace(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/g, `<w:tab w:val="right" w:pos="${TEXT_WIDTH}" w:leader="dot"/>`),
	);
	const core = await zip.file('docProps/core.xml')!.async('string');
	const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`));
	const fontTable = zip.file('word/fontTable.xml');
	if (fontTable) {
		const xml = await fontTable.async('string');
		const entries = Object.values(OFFICE_FONTS)
			.filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i)
			.map(
				(f) =>
					`<w:font w:name="${f.name}"><w:altName w:val="${f.alternate}"/><w:charset w:val="86"/><w:family w:val="${f.name.includes('黑') ? 'swiss' : 'roman'}"/><w:pitch w:val="fixed"/></w:font>`,
			)
			.join('');
		zip.file(
			'word/fontTable.xml',
			xml.replace(/<\/w:fonts>\s*$/, `${entries}</w:fonts>`).replace(/(<w:fonts\b[^>]*)\/>\s*$/, `$1>${entries}</w:fonts>`),
		);
	}
	// Every part gets the issue's date: the docx package stamps them with the time of writing.
	// Every entry, folders included: JSZip writes each entry's own date (the time it was added).
	zip.forEach((_path, entry) => {
		entry.date = date;
	});
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Document-wide styles: 三号 仿宋 body on the grid, 小标宋 case titles, contents entries with hanging indents. */
function documentStyles(lang: string) {
	const toc = (level: 1 | 2) => ({
		id: `TOC${level}`,
		name: `toc ${level}`,
		basedOn: 'Normal',
		next: 'Normal',
		paragraph: {
			spacing: exact(),
			// The entries carry their own dot-leader tab to the page number (see finishPackage).
			indent: { left: (level + 1) * CHAR, hanging: 2 * CHAR, right: 0 },
		},
	});
	return {
		default: {
			document: {
				run: { font: font('fang'), size: BODY_SIZE, characterSpacing: TRACKING, language: { eastAsia: lang, value: lang } },
				paragraph: { spacing: exact() },
			},
			heading1: {
				run: { font: font('title'), size: 44, color: '000000', bold: false },
				paragraph: { alignment: AlignmentType.CENTER, spacing: exact(), keepNext: true, outlineLevel: 0 },
			},
		},
		paragraphStyles: [toc(1), toc(2)],
	};
}

const PAGE_PROPERTIES = {
	page: {
		size: { width: PAGE.width, height: PAGE.height },
		margin: {
			top: PAGE.top,
			bottom: PAGE.bottom,
			left: PAGE.inside,
			right: PAGE.outside,
			header: Math.round(15 * MM),
			footer: Math.round(23 * MM),
			gutter: 0,
		},
	},
	grid: { type: DocumentGridType.LINES, linePitch: LINE },
};

/** An issue's pages: masthead, 编者按, contents (left out in a volume), cases, 版记. */
function issueContent(
	issue: PrintIssue,
	options: { casePages?: readonly number[]; contents: boolean; newPage: boolean },
): (Paragraph | Table | TableOfContents)[] {
	return [
		...masthead(issue, options.newPage),
		...editorsNote(issue),
		...(options.contents ? contents(issue, options.casePages) : []),
		...issue.cases.flatMap(caseContent),
		...recordBlock(issue),
	];
}

/** The issue as .docx bytes. */
export async function issueDocx(issue: PrintIssue, options: DocxOptions = {}): Promise<Buffer> {
	const created = options.date ?? new Date(`${issue.meta.date}T00:00:00Z`);
	const document = new Document({
		title: issue.meta.title,
		...(issue.meta.author ? { creator: issue.meta.author, lastModifiedBy: issue.meta.author } : {}),
		...(issue.meta.subject ? { subject: issue.meta.subject } : {}),
		evenAndOddHeaderAndFooters: true,
		styles: documentStyles(issue.lang),
		sections: [
			{
				properties: PAGE_PROPERTIES,
				footers: { default: folio('odd'), even: folio('even') },
				children: issueContent(issue, { ...(options.casePages ? { casePages: options.casePages } : {}), contents: true, newPage: false }),
			},
		],
	});
	return finishPackage(await Packer.toBuffer(document), created);
}

/** What the cover and contents of a yearly volume say. */
export interface VolumeFront {
	series: string;
	/** 2024年合订本 */
	volume: string;
	/** 目录 */
	contents: string;
	/** Issues (level 1) and their cases (level 2) with their pages in the volume. */
	entries: readonly { level: 1 | 2; title: string; page: number }[];
}

/**
 * A yearly volume as .docx bytes: a cover, a contents field by issue (prefilled with the
 * PDF volume's pages), then every issue from its masthead on, pages numbered on from 1.
 */
export async function volumeDocx(issues: readonly PrintIssue[], front: VolumeFront): Promise<Buffer> {
	const first = issues[0];
	if (!first) throw new Error('a yearly volume needs at least one issue');
	const last = issues.at(-1)!;
	const cover = [
		new Paragraph({ spacing: { ...exact(), before: 6 * LINE }, children: [] }),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { line: 900, lineRule: LineRuleType.EXACT, before: 0, after: 2 * LINE },
			children: [run(front.series, 'title', { size: 72, color: RED })],
		}),
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE * 2), children: [run(front.volume, 'fang', { size: 44 })] }),
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE * 2), children: [run(first.meta.author ?? '', 'fang', { size: 32 })] }),
		...contentsField(
			front.contents,
			'1-2',
			front.entries.map((e) => ({ title: e.title, level: e.level, page: e.page })),
			true,
		),
	];
	const document = new Document({
		title: `${front.series} ${front.volume}`,
		...(first.meta.author ? { creator: first.meta.author, lastModifiedBy: first.meta.author } : {}),
		evenAndOddHeaderAndFooters: true,
		styles: documentStyles(first.lang),
		sections: [
			{ properties: PAGE_PROPERTIES, children: cover },
			{
				properties: { ...PAGE_PROPERTIES, page: { ...PAGE_PROPERTIES.page, pageNumbers: { start: 1 } } },
				footers: { default: folio('odd'), even: folio('even') },
				children: issues.flatMap((issue, i) => issueContent(issue, { contents: false, newPage: i > 0 })),
			},
		],
	});
	return finishPackage(await Packer.toBuffer(document), new Date(`${last.meta.date}T00:00:00Z`));
}
