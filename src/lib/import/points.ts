/**
 * Enumerated points — 一是/二是, （一）（二）, 第一，第二, 一、二、, 1. 2., ①② — and the body
 * they structure. Each family of markers in a case becomes headings when every point has
 * a short lead (the phrase up to its first 。；：, or the whole line when it stands alone),
 * and a list with the lead in bold otherwise: one form per family, never a mix.
 * Points that run inside a paragraph (…服务村民。一是做好…) stay running text.
 */
import type { Block } from './types.ts';
import { countHan, hasInnerSentenceEnd } from './cjk.ts';

/** A case body as the importer builds it, before it becomes MDX (`bodyToMdast`); its lines locate the metrics read from it. */
export type BodyNode =
	| { type: 'paragraph'; text: string; line: number; lead?: string }
	| { type: 'heading'; depth: number; text: string; line: number }
	| { type: 'list'; items: Array<{ text: string; lead?: string; line: number }> }
	| { type: 'table'; rows: string[][]; line: number };

interface Family {
	name: string;
	pattern: RegExp;
}

const FAMILIES: Family[] = [
	{ name: '一是', pattern: /^([一二三四五六七八九十]{1,3})是(?![一二三四五六七八九十])/u },
	{ name: '（一）', pattern: /^[（(]([一二三四五六七八九十]{1,3})[）)]/u },
	{ name: '第一', pattern: /^第([一二三四五六七八九十]{1,3})[，,、：:；]/u },
	{ name: '一、', pattern: /^([一二三四五六七八九十]{1,3})[、．.]/u },
	{ name: '（1）', pattern: /^[（(](\d{1,2})[）)]/u },
	{ name: '1.', pattern: /^(\d{1,2})(?:[、．]|\.(?!\d))/u },
	{ name: '①', pattern: /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])/u },
];

/** The family of the point marker a text starts with, if any. */
export function pointFamily(text: string): string | undefined {
	return FAMILIES.find((f) => f.pattern.test(text.trim()))?.name;
}

const MAX_LEAD_HAN = 40;

/** The lead of a point: the whole block when it stands alone, else the phrase before 。；：. */
export function pointLead(text: string): { lead: string; rest: string } | undefined {
	const trimmed = text.trim();
	if (countHan(trimmed) <= MAX_LEAD_HAN && !hasInnerSentenceEnd(trimmed)) return { lead: trimmed, rest: '' };
	const end = /[。；：;:]/u.exec(trimmed);
	if (!end) return undefined;
	const lead = trimmed.slice(0, end.index + 1);
	if (countHan(lead) > MAX_LEAD_HAN) return undefined;
	return { lead, rest: trimmed.slice(end.index + 1).trim() };
}

/** A short line standing alone before a longer paragraph: a heading the source did not mark. */
function isImplicitHeading(block: Block, next: Block | undefined): boolean {
	if (!next) return false;
	if (block.kind === 'heading' || block.kind === 'list-item') return false;
	const han = countHan(block.text);
	if (han < 4 || han > 30 || hasInnerSentenceEnd(block.text) || /[：:，,]$/u.test(block.text)) return false;
	return countHan(next.text) >= Math.max(40, han * 2);
}

function stripEnd(text: string): string {
	return text.replace(/[。；;：:，,]+$/u, '');
}

/** Turns a case's body blocks into headings, paragraphs and lists. */
export function structureBody(blocks: Block[]): BodyNode[] {
	const families = new Map<string, number[]>();
	blocks.forEach((block, i) => {
		const family = block.boldLead ? undefined : pointFamily(block.text);
		if (family) families.set(family, [...(families.get(family) ?? []), i]);
	});
	// A lone marker is a point only when it stands alone as a short line.
	for (const [family, members] of families) {
		if (members.length === 1) {
			const only = blocks[members[0] as number] as Block;
			if (countHan(only.text) > MAX_LEAD_HAN || hasInnerSentenceEnd(only.text)) families.delete(family);
		}
	}
	const asHeadings = new Map<string, boolean>();
	for (const [family, members] of families) {
		asHeadings.set(
			family,
			members.every((i) => pointLead((blocks[i] as Block).text) !== undefined),
		);
	}
	const implicit = blocks.map((b, i) => !pointFamily(b.text) && isImplicitHeading(b, blocks[i + 1]));
	const sourceHeadings = blocks.filter((b) => !pointFamily(b.text) && (b.kind === 'heading' || (b.bold && countHan(b.text) <= 30)));
	const hasSectionHeadings = implicit.some(Boolean) || sourceHeadings.length > 0;
	const familyOrder = [...families.keys()].sort((a, b) => (families.get(a)?.[0] ?? 0) - (families.get(b)?.[0] ?? 0));
	const depthOf = (family: string) => Math.min(4, (hasSectionHeadings ? 3 : 2) + familyOrder.filter((f) => asHeadings.get(f)).indexOf(family));

	const nodes: BodyNode[] = [];
	blocks.forEach((block, i) => {
		if (block.kind === 'table' && block.rows) {
			nodes.push({ type: 'table', rows: block.rows, line: block.line });
			return;
		}
		// The source set the lead in bold inside the paragraph: it stays run-in (**一是……。**正文).
		if (block.boldLead && block.text.startsWith(block.boldLead) && block.text.length > block.boldLead.length) {
			nodes.push({ type: 'paragraph', lead: block.boldLead, text: block.text.slice(block.boldLead.length).trim(), line: block.line });
			return;
		}
		const family = pointFamily(block.text);
		const isMember = family !== undefined && families.get(family)?.includes(i);
		if (isMember && family) {
			const split = pointLead(block.text);
			if (asHeadings.get(family) && split) {
				nodes.push({ type: 'heading', depth: depthOf(family), text: stripEnd(split.lead), line: block.line });
				if (split.rest) nodes.push({ type: 'paragraph', text: split.rest, line: block.line });
				return;
			}
			const item = split && split.rest ? { text: split.rest, lead: split.lead, line: block.line } : { text: block.text, line: block.line };
			const last = nodes[nodes.length - 1];
			if (last?.type === 'list') last.items.push(item);
			else nodes.push({ type: 'list', items: [item] });
			return;
		}
		if (block.kind === 'heading' || implicit[i] || (block.bold && countHan(block.text) <= 30 && blocks[i + 1])) {
			nodes.push({ type: 'heading', depth: 2, text: stripEnd(block.text), line: block.line });
			return;
		}
		if (block.kind === 'list-item') {
			const last = nodes[nodes.length - 1];
			if (last?.type === 'list') last.items.push({ text: block.text, line: block.line });
			else nodes.push({ type: 'list', items: [{ text: block.text, line: block.line }] });
			return;
		}
		nodes.push({ type: 'paragraph', text: block.text, line: block.line });
	});
	return nodes;
}
