/**
 * Running page headers: a document printed or paginated on the web repeats its own title
 * (or a series line) between paragraphs. A short line that repeats the document's first
 * line, or any short non-sentence line occurring three times or more, is a page header;
 * the first line itself stays (it is the title).
 */
import type { Block, Removal } from './types.ts';
import { countHan, hanOnly } from './cjk.ts';

/** The blocks kept, and the header lines removed (listed in the report). */
export interface PageHeaderResult {
	kept: Block[];
	removed: Removal[];
}

/** `isUnitLine` protects unit headings: an issue may hold several cases from one unit. */
export function removeRepeatedHeaders(blocks: Block[], isUnitLine: (text: string) => boolean = () => false): PageHeaderResult {
	const key = (text: string) => hanOnly(text) || text.trim();
	const candidate = (text: string) => countHan(text) >= 4 && countHan(text) <= 50 && !/[。！？；]/u.test(text);
	const counts = new Map<string, number>();
	for (const block of blocks) {
		if (!candidate(block.text)) continue;
		const k = key(block.text);
		counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	const first = blocks[0];
	const titleKey = first && candidate(first.text) ? key(first.text) : undefined;
	const kept: Block[] = [];
	const removed: Removal[] = [];
	const seen = new Set<string>();
	for (const [index, block] of blocks.entries()) {
		const k = key(block.text);
		const count = counts.get(k) ?? 0;
		const repeated = candidate(block.text) && count >= 2 && (k === titleKey || (count >= 3 && !isUnitLine(block.text)));
		if (repeated && (seen.has(k) || (index > 0 && k !== titleKey))) {
			removed.push({ line: block.line, text: block.text, reason: 'repeated page header' });
			continue;
		}
		seen.add(k);
		kept.push(block);
	}
	return { kept, removed };
}
