/**
 * Plain text → blocks: one block per non-blank line, keeping the line number. Text copied
 * from PDF viewers is hard-wrapped; runs of lines of nearly equal length that do not end a
 * sentence are joined back into their paragraph.
 */
import type { Block, ExtractedDocument } from './types.ts';
import { countHan, normalizeSpaces } from './cjk.ts';

/** Reads decoded plain text into blocks, with hard-wrapped lines joined. */
export function extractText(text: string, encoding: string): ExtractedDocument {
	return { blocks: joinHardWraps(blocksFromLines(text)), facts: {}, format: 'text', encoding, locationKind: 'line', warnings: [] };
}

/** One paragraph block per non-blank line, spaces normalised, numbered by the line it came from. */
export function blocksFromLines(text: string): Block[] {
	const blocks: Block[] = [];
	const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
	lines.forEach((raw, index) => {
		const line = normalizeSpaces(raw);
		if (line) blocks.push({ text: line, line: index + 1, kind: 'paragraph' });
	});
	return blocks;
}

/**
 * Joins hard-wrapped lines: at least three consecutive lines (no blank line between) of
 * Han text whose lengths are within 10% of the longest, each not ending a sentence,
 * belong to one paragraph. Short lines (titles) and lines ending in 。 are never joined.
 */
export function joinHardWraps(blocks: Block[]): Block[] {
	const out: Block[] = [];
	const width = (b: Block) => [...b.text].length;
	const adjacent = (a: Block, b: Block) => b.line === a.line + 1;
	let i = 0;
	while (i < blocks.length) {
		const first = blocks[i] as Block;
		if (!isWrappedLine(first)) {
			out.push(first);
			i++;
			continue;
		}
		const w = width(first);
		let j = i;
		for (;;) {
			const current = blocks[j] as Block;
			const next = blocks[j + 1];
			if (!next || !adjacent(current, next) || !isWrappedLine(next) || Math.abs(width(next) - w) > w * 0.1 + 1) break;
			j++;
		}
		let end = j;
		const tail = blocks[j + 1];
		if (tail && adjacent(blocks[j] as Block, tail) && width(tail) <= w && countHan(tail.text) > 0) end = j + 1;
		if (j > i && end - i + 1 >= 3) {
			out.push({
				...first,
				text: blocks
					.slice(i, end + 1)
					.map((b) => b.text)
					.join(''),
			});
			i = end + 1;
		} else {
			out.push(first);
			i++;
		}
	}
	return out;
}

function isWrappedLine(block: Block): boolean {
	const width = [...block.text].length;
	return width >= 15 && width <= 60 && countHan(block.text) >= width * 0.6 && !/[。！？：”」]$/u.test(block.text);
}
