/**
 * A DOM (a saved web page after Readability, or mammoth's HTML of a Word file) → blocks:
 * one per paragraph, heading, list item or table row, with inline markup flattened.
 * Whether a whole block was bold is kept, because Word documents often mark their
 * headings only by bold type.
 */
import type { Block } from './types.ts';
import { countHan, normalizeSpaces } from './cjk.ts';

const SKIPPED = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'iframe',
	'svg',
	'canvas',
	'button',
	'form',
	'select',
	'input',
	'textarea',
	'head',
	'object',
	'embed',
	'video',
	'audio',
	'map',
	'img',
]);
const BLOCK = new Set([
	'p',
	'div',
	'section',
	'article',
	'main',
	'header',
	'footer',
	'aside',
	'nav',
	'blockquote',
	'pre',
	'ul',
	'ol',
	'li',
	'dl',
	'dt',
	'dd',
	'table',
	'thead',
	'tbody',
	'tfoot',
	'tr',
	'caption',
	'figure',
	'figcaption',
	'address',
	'center',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'body',
	'html',
]);
const BOLD = new Set(['b', 'strong']);

interface Pending {
	text: string;
	boldChars: number;
	/** The text up to the first character that is not bold, while every character before it was. */
	boldLead?: string;
	kind: Block['kind'];
	level?: number;
}

/** A table's rows of cell texts; nested tables are flattened into their cell. */
function tableRows(table: Element): string[][] {
	const rows: string[][] = [];
	for (const row of Array.from(table.querySelectorAll('tr'))) {
		if (row.closest('table') !== table) continue;
		const cells = Array.from(row.children)
			.filter((cell) => /^t[dh]$/i.test(cell.tagName))
			.map((cell) => normalizeSpaces(cell.textContent ?? ''));
		if (cells.some(Boolean)) rows.push(cells);
	}
	return rows;
}

/** Walks `root` and returns its blocks; `line` is a running block number (callers may relocate it). */
export function blocksFromDom(root: Node): Block[] {
	const blocks: Block[] = [];
	let pending: Pending = { text: '', boldChars: 0, kind: 'paragraph' };

	const flush = () => {
		const text = normalizeSpaces(pending.text);
		if (text) {
			const visible = text.replace(/\s/g, '').length;
			const block: Block = { text, line: blocks.length + 1, kind: pending.kind };
			if (pending.level !== undefined) block.level = pending.level;
			if (visible > 0 && pending.boldChars >= visible) block.bold = true;
			else if (pending.boldLead && countHan(pending.boldLead) >= 2) block.boldLead = normalizeSpaces(pending.boldLead);
			blocks.push(block);
		}
		pending = { text: '', boldChars: 0, kind: pending.kind, ...(pending.level !== undefined ? { level: pending.level } : {}) };
	};

	const walk = (node: Node, bold: boolean) => {
		if (node.nodeType === 3) {
			const data = node.nodeValue ?? '';
			const visibleBefore = pending.text.replace(/\s/g, '').length;
			if (!bold && data.trim() && pending.boldLead === undefined && visibleBefore > 0 && pending.boldChars >= visibleBefore)
				pending.boldLead = pending.text;
			pending.text += data;
			if (bold) pending.boldChars += data.replace(/\s/g, '').length;
			return;
		}
		if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
		const element = node as Element;
		const tag = node.nodeType === 1 ? element.tagName.toLowerCase() : '#root';
		if (SKIPPED.has(tag)) return;
		if (tag === 'br') {
			flush();
			return;
		}
		if (tag === 'table') {
			flush();
			const rows = tableRows(element);
			if (rows.length > 0) blocks.push({ text: rows.map((r) => r.join(' ')).join(' '), line: blocks.length + 1, kind: 'table', rows });
			return;
		}
		const isBold = bold || BOLD.has(tag) || isBoldStyle(element);
		if (!BLOCK.has(tag)) {
			for (const child of Array.from(node.childNodes)) walk(child, isBold);
			if (tag === 'td' || tag === 'th') pending.text += ' ';
			return;
		}
		flush();
		const saved = { kind: pending.kind, level: pending.level };
		const heading = /^h([1-6])$/.exec(tag);
		if (heading) {
			pending.kind = 'heading';
			pending.level = Number(heading[1]);
		} else if (tag === 'li') {
			pending.kind = 'list-item';
			delete pending.level;
		} else if (tag === 'p' || tag === 'tr') {
			pending.kind = saved.kind === 'list-item' ? 'list-item' : 'paragraph';
		}
		for (const child of Array.from(node.childNodes)) walk(child, isBold);
		flush();
		pending.kind = saved.kind;
		if (saved.level !== undefined) pending.level = saved.level;
		else delete pending.level;
	};

	walk(root, false);
	flush();
	return blocks;
}

function isBoldStyle(element: Element): boolean {
	const style = element.getAttribute?.('style');
	return !!style && /font-weight\s*:\s*(bold|[6-9]00)/i.test(style);
}

/**
 * Gives each block the source line where its text starts, by finding its first few Han
 * characters in the raw HTML (after the previous block's position). Blocks that cannot be
 * found keep the line of the block before them.
 */
export function locateBlocksInSource(blocks: Block[], source: string): void {
	const lineStarts: number[] = [0];
	for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
	const lineOf = (offset: number) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((lineStarts[mid] as number) <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
	// Text in <head> (title, meta tags) repeats the headline: start looking in the body.
	const bodyStart = source.search(/<body[\s>]/i);
	let cursor = bodyStart >= 0 ? bodyStart : 0;
	let lastLine = 1;
	for (const block of blocks) {
		// The longest run of Han characters is the least likely to occur elsewhere first.
		const runs = block.text.match(/[\p{Script=Han}]{2,}/gu) ?? [];
		const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
		const probe = (longest || block.text).slice(0, 10);
		let at = probe ? source.indexOf(probe, cursor) : -1;
		if (at < 0 && probe) at = source.indexOf(probe);
		if (at >= 0) {
			lastLine = lineOf(at);
			if (at >= cursor) cursor = at + probe.length;
		}
		block.line = lastLine;
	}
}
