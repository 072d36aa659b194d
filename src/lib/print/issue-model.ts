/**
 * A printed issue as data, read from its print page (dist/<script>/issues/<id>/print/):
 * masthead, 编者按, table of contents, cases with their body blocks, key figures and
 * source line, 版记. The print page is the one place where an issue is already assembled
 * in the right script (converted text, <Zh> overrides, variants resolved), so the Word
 * file and the yearly volume read it instead of rendering the MDX a second time.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { PRINT_META_ID, parsePrintMeta, type PrintMeta } from './print-meta.ts';
import { toCornerQuotes } from './typography.ts';

/** A piece of inline text with the emphasis it carries (黑体 for strong, 楷体 for em). */
export interface Run {
	text: string;
	strong?: boolean;
	em?: boolean;
}

/** A table with its cells as plain text, as a case body or its key figures carry it. */
export interface TableBlock {
	kind: 'table';
	caption?: string;
	/** Header rows (repeated on every page the table runs onto). */
	head: string[][];
	body: string[][];
	/** Column indexes holding figures (right-aligned). */
	figureColumns: number[];
}

/** One block of body text, in the order the page shows it. */
export type Block =
	| { kind: 'paragraph'; runs: Run[] }
	| { kind: 'heading'; level: number; runs: Run[] }
	| { kind: 'list'; ordered: boolean; items: Run[][] }
	| { kind: 'quote'; blocks: Block[] }
	| TableBlock;

/** A case as the issue prints it: title lines, unit line, body, key figures and source line. */
export interface PrintCase {
	anchor: string;
	/** 一、 二、 … as in the table of contents. */
	marker: string;
	titleLines: string[];
	subtitle?: string;
	unitLine: string;
	/** The entry as the table of contents shows it (unit：title). */
	tocTitle: string;
	body: Block[];
	figures?: TableBlock;
	source: string;
}

/** Everything the Word file and the yearly volume need of an issue, read from its print page. */
export interface PrintIssue {
	meta: PrintMeta;
	lang: string;
	internalMark?: string;
	seriesLines: string[];
	/** Point size the page gives the masthead's series name. */
	seriesSizePt: number;
	number: string;
	imprint: { organization: string; date: string };
	note?: { label: string; blocks: Block[] };
	tocHeading: string;
	cases: PrintCase[];
	banji?: { lines: string[]; imprint: [string, string] };
}

const isElement = (node: RootContent | ElementContent | Root): node is Element => node.type === 'element';
const classes = (node: Element): string[] => {
	const value: unknown = node.properties.className;
	return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
};
const hasClass = (node: Element, name: string) => classes(node).includes(name);

function* walk(node: Root | Element): Generator<Element> {
	for (const child of node.children) {
		if (!isElement(child)) continue;
		yield child;
		yield* walk(child);
	}
}

function find(node: Root | Element, test: (el: Element) => boolean): Element | undefined {
	for (const el of walk(node)) if (test(el)) return el;
	return undefined;
}

function findAll(node: Root | Element, test: (el: Element) => boolean): Element[] {
	return [...walk(node)].filter(test);
}

const byClass = (name: string) => (el: Element) => hasClass(el, name);
const byTag =
	(...names: string[]) =>
	(el: Element) =>
		names.includes(el.tagName);

/** The text of a node; <wbr> and markup vanish, whitespace between block tags collapses. */
export function textOf(node: Root | ElementContent | RootContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' || node.type === 'root') return node.children.map((c) => textOf(c as ElementContent)).join('');
	return '';
}

const clean = (text: string) => text.replace(/\s*\n\s*/g, '').trim();

function runsOf(node: Element, inherited: Omit<Run, 'text'> = {}): Run[] {
	const runs: Run[] = [];
	for (const child of node.children) {
		if (child.type === 'text') {
			const text = child.value.replace(/\s*\n\s*/g, '');
			if (text) runs.push({ text, ...inherited });
		} else if (isElement(child)) {
			if (child.tagName === 'br') runs.push({ text: '\n', ...inherited });
			else if (hasClass(child, 'note-label')) continue;
			else {
				const style = { ...inherited };
				if (child.tagName === 'strong' || child.tagName === 'b') style.strong = true;
				if (child.tagName === 'em' || child.tagName === 'i') style.em = true;
				runs.push(...runsOf(child, style));
			}
		}
	}
	// Merge neighbours with the same style: fewer, longer runs in the Word file.
	return runs.reduce<Run[]>((merged, run) => {
		const last = merged.at(-1);
		if (last && last.strong === run.strong && last.em === run.em) last.text += run.text;
		else merged.push({ ...run });
		return merged;
	}, []);
}

function tableOf(table: Element): TableBlock {
	const rowsIn = (section: Element | undefined) =>
		section
			? findAll(section, byTag('tr')).map((tr) =>
					tr.children
						.filter(isElement)
						.filter(byTag('td', 'th'))
						.map((cell) => clean(textOf(cell))),
				)
			: [];
	const thead = find(table, byTag('thead'));
	const tbody = find(table, byTag('tbody'));
	const head = rowsIn(thead);
	const body = tbody ? rowsIn(tbody) : rowsIn(table).filter((_, i) => !(thead && i < head.length));
	const firstRow = find(table, byTag('tr'));
	const figureColumns = firstRow
		? firstRow.children
				.filter(isElement)
				.filter(byTag('td', 'th'))
				.flatMap((cell, i) => (hasClass(cell, 'fig') || cell.properties.align === 'right' ? [i] : []))
		: [];
	// Markdown tables mark no figure columns: a column whose body cells all start with a digit holds figures.
	if (figureColumns.length === 0 && body.length) {
		const width = Math.max(...body.map((r) => r.length));
		for (let i = 0; i < width; i++) if (body.every((row) => /^[-+]?\d/.test(row[i] ?? ''))) figureColumns.push(i);
	}
	const caption = find(table, byTag('caption'));
	return { kind: 'table', ...(caption ? { caption: clean(textOf(caption)) } : {}), head, body, figureColumns };
}

/** A paragraph such as 表1 … or 附表2 … right before a table captions it. */
const TABLE_CAPTION = /^附?表\s*[0-9０-９一二三四五六七八九十]+/u;

/** Takes a 表1 … paragraph that precedes a table in as the table's caption. */
function withTableCaptions(blocks: Block[]): Block[] {
	return blocks.flatMap((block, i) => {
		const next = blocks[i + 1];
		if (block.kind === 'paragraph' && next?.kind === 'table' && !next.caption) {
			const text = block.runs
				.map((r) => r.text)
				.join('')
				.trim();
			if (TABLE_CAPTION.test(text)) {
				next.caption = text;
				return [];
			}
		}
		return [block];
	});
}

function blocksOf(container: Element): Block[] {
	const blocks: Block[] = [];
	for (const child of container.children) {
		if (!isElement(child)) continue;
		const tag = child.tagName;
		if (tag === 'p') {
			const runs = runsOf(child);
			if (runs.some((r) => r.text.trim())) blocks.push({ kind: 'paragraph', runs });
		} else if (/^h[1-6]$/.test(tag)) blocks.push({ kind: 'heading', level: Number(tag[1]), runs: runsOf(child) });
		else if (tag === 'ul' || tag === 'ol') {
			blocks.push({
				kind: 'list',
				ordered: tag === 'ol',
				items: child.children
					.filter(isElement)
					.filter(byTag('li'))
					.map((li) => runsOf(li)),
			});
		} else if (tag === 'blockquote') blocks.push({ kind: 'quote', blocks: blocksOf(child) });
		else if (tag === 'table') blocks.push(tableOf(child));
		else if (tag === 'div' || tag === 'section' || tag === 'figure' || tag === 'footer') blocks.push(...blocksOf(child));
	}
	return withTableCaptions(blocks);
}

/** Reads a print page's HTML into the issue it prints; `where` names the page in errors. */
export function parsePrintPage(page: string, where: string): PrintIssue {
	const parse = (html: string) => unified().use(rehypeParse).parse(html);
	const metaScript = find(parse(page), (el) => el.properties.id === PRINT_META_ID);
	const meta = parsePrintMeta(metaScript ? textOf(metaScript) : undefined, where);
	// The 繁體 edition of a tw/hk site quotes with 「」, as the printer sets the PDF.
	const html = meta.quotes === 'corner' ? toCornerQuotes(page) : page;
	const root = parse(html);
	const need = (node: Element | undefined, what: string): Element => {
		if (!node) throw new Error(`${where}: the print page has no ${what}`);
		return node;
	};
	const htmlEl = need(find(root, byTag('html')), '<html>');
	const masthead = need(find(root, byClass('masthead')), 'masthead (header.masthead)');
	const series = need(find(masthead, byClass('mh-series')), 'series name (.mh-series)');
	const imprint = need(find(masthead, byClass('mh-imprint')), 'imprint line (.mh-imprint)');
	const imprintParts = imprint.children.filter(isElement).map((el) => clean(textOf(el)));
	const sizeRule = /\.mh-series\s*\{\s*font-size:\s*([\d.]+)pt/.exec(html);
	const noteEl = find(root, byClass('editors-note'));
	const internal = find(masthead, byClass('mh-internal'));
	const banjiEl = find(root, byClass('banji'));
	const cases = findAll(root, byClass('case')).map((article, index): PrintCase => {
		const anchor = String(article.properties.id ?? '');
		const tocLink = find(root, (el) => el.tagName === 'a' && el.properties.href === `#${anchor}`);
		const end = find(article, byClass('case-end'));
		const figures = end ? find(end, byClass('figures')) : undefined;
		const subtitle = find(article, byClass('case-subtitle'));
		return {
			anchor,
			marker: tocLink ? clean(textOf(need(find(tocLink, byClass('toc-marker')), 'TOC marker'))) : '',
			titleLines: findAll(need(find(article, byClass('case-title')), `title of case ${index + 1}`), byClass('title-line')).map((l) =>
				clean(textOf(l)),
			),
			...(subtitle ? { subtitle: clean(textOf(subtitle)) } : {}),
			unitLine: clean(textOf(need(find(article, byClass('case-unit')), `unit line of case ${index + 1}`))),
			tocTitle: tocLink ? clean(textOf(need(find(tocLink, byClass('toc-text')), 'TOC text'))) : (meta.cases[index]?.title ?? ''),
			body: blocksOf(need(find(article, byClass('case-body')), `body of case ${index + 1}`)),
			...(figures ? { figures: tableOf(figures) } : {}),
			source: clean(textOf(need(find(article, byClass('case-source')), `source line of case ${index + 1}`))),
		};
	});
	return {
		meta,
		lang: String(htmlEl.properties.lang ?? meta.language),
		...(internal ? { internalMark: clean(textOf(internal)) } : {}),
		seriesLines: findAll(series, byClass('mh-line')).map((l) => clean(textOf(l))),
		seriesSizePt: sizeRule ? Number(sizeRule[1]) : 32,
		number: clean(textOf(need(find(masthead, byClass('mh-number')), 'issue number (.mh-number)'))),
		imprint: { organization: imprintParts[0] ?? '', date: imprintParts[1] ?? '' },
		...(noteEl
			? {
					note: {
						label: clean(textOf(need(find(noteEl, byClass('note-label')), '编者按 label'))).replace(/[：:]$/, ''),
						blocks: blocksOf(noteEl),
					},
				}
			: {}),
		tocHeading: clean(textOf(need(find(root, byClass('toc-heading')), 'table of contents heading'))),
		cases,
		...(banjiEl
			? {
					banji: {
						lines: banjiEl.children
							.filter(isElement)
							.filter((p) => !hasClass(p, 'banji-imprint'))
							.map((p) => clean(textOf(p))),
						imprint: ((): [string, string] => {
							const parts = find(banjiEl, byClass('banji-imprint'))
								?.children.filter(isElement)
								.map((el) => clean(textOf(el)));
							return [parts?.[0] ?? '', parts?.[1] ?? ''];
						})(),
					},
				}
			: {}),
	};
}
