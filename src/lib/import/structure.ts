/**
 * The shape of a cleaned document: one case, or an issue (期) of several — a title, an
 * editor's introduction (编者按) and one section per reporting unit, each with its own
 * title and subtitle — or a bare list of units with no case text at all.
 */
import type { Block } from './types.ts';
import { countHan, hasInnerSentenceEnd } from './cjk.ts';
import { isBodyParagraph } from './debris.ts';
import { pointFamily } from './points.ts';
import { isUnitLine } from './units.ts';
import { placeHeadedCases, preamble } from './case-heads.ts';
import { isCategoryLine, isKickerLine, isMastheadLine, isOrdinalLine } from './line-kinds.ts';

/** A line above a case's title that is not the title: a rank, a category, a kicker (引题). */
export interface HeadLine {
	block: Block;
	kind: 'ordinal' | 'category' | 'kicker' | 'masthead';
}

/** One case's part of the document: its unit and title lines, if found, and its blocks. */
export interface CaseSection {
	/** The unit line heading the section, as written. */
	unit?: string;
	unitLine?: number;
	title?: string;
	subtitle?: string;
	titleLine?: number;
	/** Lines above the title read as rank, category or kicker lines (the title below them is a guess). */
	heads?: HeadLine[];
	blocks: Block[];
}

/** What a cleaned document is (one case, an issue, a collection, a list, nothing) and where its parts are. */
export interface DocumentStructure {
	/** `collection`: several cases found by place headings, with no issue title of their own. */
	kind: 'single' | 'issue' | 'collection' | 'list-only' | 'no-text';
	/** Lines before the document proper (a table of contents, a news wrapper before `以下为…：`). */
	preamble?: Block[];
	/** The document's first line when it is a title (the issue title in an issue). */
	title?: string;
	titleLine?: number;
	/** 编者按: text between the issue title and the first unit. */
	intro: Block[];
	sections: CaseSection[];
	/** Text between a collection's cases that belongs to none (group headings and their introductions). */
	outside?: Block[];
	/** Units listed without any case text (a table of contents, or a list-only document). */
	listedUnits: string[];
}

/** A short line that is not a sentence: a title, subtitle or heading. */
export function isTitleLike(block: Block): boolean {
	const text = block.text.trim();
	const han = countHan(text);
	return (
		han >= 2 &&
		[...text].length <= 64 &&
		!/[。！？；;]["”’」』]?$/u.test(text) &&
		!hasInnerSentenceEnd(text) &&
		pointFamily(text) === undefined &&
		!isOrdinalLine(text) &&
		!isCategoryLine(text) &&
		!isMastheadLine(text)
	);
}

/** The kind of a line standing above a title without being one, if it is such a line. */
function headKind(block: Block, next: Block | undefined): HeadLine['kind'] | undefined {
	if (isOrdinalLine(block.text)) return 'ordinal';
	if (isCategoryLine(block.text)) return 'category';
	if (isMastheadLine(block.text)) return 'masthead';
	// A kicker only when a title follows it.
	return next && isTitleLike(next) && !isKickerLine(next.text) && isKickerLine(block.text) ? 'kicker' : undefined;
}

/**
 * A one-sentence summary standing first, directly above enumerated points (一是…, （一）…):
 * the document's title written as a sentence (某某镇，借势发展促进村集体经济增收。).
 */
export function isLeadSentenceTitle(block: Block, next: Block | undefined): boolean {
	const text = block.text.trim();
	return (
		!!next &&
		pointFamily(next.text) !== undefined &&
		countHan(text) >= 8 &&
		countHan(text) <= 45 &&
		/[。！]$/u.test(text) &&
		!hasInnerSentenceEnd(text) &&
		pointFamily(text) === undefined
	);
}

/** Case text: a paragraph of real prose, or several short ones (brief news items are short). */
function hasBody(blocks: Block[]): boolean {
	const prose = blocks.filter((b) => countHan(b.text) >= 12 && /[。！？；，]/u.test(b.text));
	return blocks.some((b) => isBodyParagraph(b.text) || countHan(b.text) >= 30) || prose.reduce((n, b) => n + countHan(b.text), 0) >= 40;
}

/** Reads a title and an optional subtitle off the top of a section. */
function takeTitles(blocks: Block[]): { title?: string; subtitle?: string; titleLine?: number; heads: HeadLine[]; rest: Block[] } {
	const titles: Block[] = [];
	const heads: HeadLine[] = [];
	let i = 0;
	while (i < blocks.length - 1) {
		const kind = headKind(blocks[i] as Block, blocks[i + 1]);
		if (!kind) break;
		heads.push({ block: blocks[i] as Block, kind });
		i++;
	}
	while (i < blocks.length && titles.length < 2) {
		const block = blocks[i] as Block;
		const next = blocks[i + 1];
		if (!next || !isTitleLike(block) || isUnitLine(block.text)) break;
		titles.push(block);
		i++;
	}
	const [title, subtitle] = titles;
	return {
		...(title ? { title: title.text, titleLine: title.line } : {}),
		...(subtitle ? { subtitle: subtitle.text } : {}),
		heads,
		rest: blocks.slice(i),
	};
}

/**
 * Cases each started by an ordinal line (排名1, 案例二) with their title lines below it; the
 * prose before the first one is the collection's introduction. Undefined without such lines.
 */
function ordinalHeadedCases(blocks: Block[]): { intro: Block[]; sections: CaseSection[] } | undefined {
	const starts = blocks.flatMap((b, i) => (isOrdinalLine(b.text) && blocks.slice(i + 1, i + 4).some(isTitleLike) ? [i] : []));
	const sections = starts.flatMap((at, k): CaseSection[] => {
		const titles = takeTitles(blocks.slice(at, starts[k + 1] ?? blocks.length));
		if (!titles.title || !hasBody(titles.rest)) return [];
		return [
			{
				title: titles.title,
				titleLine: titles.titleLine as number,
				...(titles.subtitle ? { subtitle: titles.subtitle } : {}),
				heads: titles.heads,
				blocks: titles.rest,
			},
		];
	});
	return sections.length > 0 ? { intro: blocks.slice(0, starts[0]), sections } : undefined;
}

/** Finds the document's structure, after setting aside any preamble (a table of contents, a news wrapper). */
export function analyseStructure(all: Block[]): DocumentStructure {
	const skipped = preamble(all);
	const structure = analyseDocument(all.slice(skipped));
	const before = [...all.slice(0, skipped), ...(structure.preamble ?? [])];
	return before.length > 0 ? { ...structure, preamble: before } : structure;
}

function analyseDocument(blocks: Block[]): DocumentStructure {
	if (!hasBody(blocks)) {
		const units = blocks.filter((b) => isUnitLine(b.text)).map((b) => b.text);
		return { kind: units.length > 0 ? 'list-only' : 'no-text', intro: [], sections: [], listedUnits: units };
	}
	let start = 0;
	let title: Block | undefined;
	// Masthead, category and kicker lines above the document's title (a rank line starts a case instead).
	const heads: HeadLine[] = [];
	while (start < blocks.length - 2) {
		const block = blocks[start] as Block;
		const kind = headKind(block, blocks[start + 1]);
		if (!kind || kind === 'ordinal') break;
		heads.push({ block, kind });
		start++;
	}
	// Only when a title follows them.
	if (heads.length && !isTitleLike(blocks[start] as Block)) {
		heads.length = 0;
		start = 0;
	}
	// Outside a single case they are lines before the document proper.
	const aside = heads.length ? { preamble: heads.map((h) => h.block) } : {};
	const first = blocks[start];
	if (first && ((isTitleLike(first) && !isUnitLine(first.text)) || isLeadSentenceTitle(first, blocks[1]))) {
		title = first;
		start++;
	}
	const rest = blocks.slice(start);
	const unitIndexes = rest.flatMap((b, i) => (isUnitLine(b.text) ? [i] : []));
	const sections: Array<{ unit: Block; blocks: Block[] }> = unitIndexes.map((at, k) => ({
		unit: rest[at] as Block,
		blocks: rest.slice(at + 1, unitIndexes[k + 1] ?? rest.length),
	}));
	const withBody = sections.filter((s) => hasBody(s.blocks));
	const listedUnits = sections.filter((s) => !hasBody(s.blocks)).map((s) => s.unit.text);
	const base = { ...(title ? { title: title.text, titleLine: title.line } : {}), listedUnits };

	if (withBody.length >= 2) {
		const firstBodied = withBody[0] as { unit: Block };
		const introEnd = rest.indexOf(firstBodied.unit);
		const intro = rest.slice(0, introEnd).filter((b) => !isUnitLine(b.text));
		return {
			...base,
			...aside,
			kind: 'issue',
			intro,
			sections: withBody.map((s) => {
				const titles = takeTitles(s.blocks);
				return {
					unit: s.unit.text,
					unitLine: s.unit.line,
					...(titles.title ? { title: titles.title, titleLine: titles.titleLine as number } : {}),
					...(titles.heads.length ? { heads: titles.heads } : {}),
					...(titles.subtitle ? { subtitle: titles.subtitle } : {}),
					blocks: titles.rest,
				};
			}),
		};
	}

	const ranked = withBody.length === 0 ? ordinalHeadedCases(rest) : undefined;
	if (ranked) return { ...base, ...aside, listedUnits: [], kind: 'collection', intro: ranked.intro, sections: ranked.sections };

	const placed = withBody.length === 0 ? placeHeadedCases(rest) : undefined;
	if (placed) {
		return {
			...base,
			...aside,
			listedUnits: [],
			kind: 'collection',
			intro: placed.intro,
			sections: placed.cases.map((c) => ({
				unit: c.unit,
				unitLine: c.unitLine,
				...(c.title ? { title: c.title, titleLine: c.titleLine as number } : {}),
				blocks: c.blocks,
			})),
			...(placed.cases.some((c) => c.after) ? { outside: placed.cases.flatMap((c) => c.after ?? []) } : {}),
		};
	}

	if (withBody.length === 1) {
		const only = withBody[0] as { unit: Block; blocks: Block[] };
		const before = rest.slice(0, rest.indexOf(only.unit)).filter((b) => !isUnitLine(b.text));
		const titles = takeTitles(only.blocks);
		// A title above the unit line is the case's own title when the section has none.
		const ownTitle = titles.title ?? title?.text;
		const subtitle = titles.title
			? titles.subtitle
			: before.length && isTitleLike(before[0] as Block)
				? (before.shift() as Block).text
				: titles.subtitle;
		return {
			...base,
			kind: 'single',
			intro: [],
			sections: [
				{
					unit: only.unit.text,
					unitLine: only.unit.line,
					...(ownTitle ? { title: ownTitle, titleLine: titles.titleLine ?? title?.line ?? only.unit.line } : {}),
					...(subtitle ? { subtitle } : {}),
					...(heads.length || titles.heads.length ? { heads: [...heads, ...titles.heads] } : {}),
					blocks: [...before, ...titles.rest],
				},
			],
		};
	}

	// No unit lines with text under them: the whole document is one case.
	const body = rest.filter((b) => !listedUnits.includes(b.text) || !isUnitLine(b.text));
	let subtitle: string | undefined;
	// A rank or number line right below the title (篇一) numbers the case.
	while (title && body[0] && body[1] && isOrdinalLine(body[0].text)) heads.push({ block: body.shift() as Block, kind: 'ordinal' });
	if (title && body[0] && body[1] && isTitleLike(body[0]) && !isUnitLine(body[0].text)) subtitle = (body.shift() as Block).text;
	const trailingUnit = sections.length === 1 && sections[0]?.blocks.length === 0 ? sections[0].unit : undefined;
	return {
		...base,
		listedUnits: trailingUnit ? [] : listedUnits,
		kind: 'single',
		intro: [],
		sections: [
			{
				...(trailingUnit ? { unit: trailingUnit.text, unitLine: trailingUnit.line } : {}),
				...(title ? { title: title.text, titleLine: title.line } : {}),
				...(subtitle ? { subtitle } : {}),
				...(heads.length ? { heads } : {}),
				blocks: body,
			},
		],
	};
}
