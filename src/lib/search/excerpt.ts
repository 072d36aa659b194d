/**
 * Excerpts and highlights for search results, cut from the text as the reader's script
 * shows it. Matching happens on folded text, which has exactly the code points of the
 * original (fold.ts), so a match at folded offset i is the reader's text at offset i.
 */
import { foldText, type FoldMap } from './fold.ts';

/** A piece of result text, with `mark` set when it is part of a match (shown highlighted). */
export interface Segment {
	text: string;
	mark: boolean;
}

/** Code-point ranges [start, end) where any of the folded needles occurs in the text. */
export function matchRanges(text: string, needles: readonly string[], fold: FoldMap): [number, number][] {
	const haystack = [...foldText(text, fold)];
	const ranges: [number, number][] = [];
	for (const needle of needles) {
		const chars = [...needle];
		if (!chars.length) continue;
		outer: for (let i = 0; i + chars.length <= haystack.length; i++) {
			for (let j = 0; j < chars.length; j++) if (haystack[i + j] !== chars[j]) continue outer;
			ranges.push([i, i + chars.length]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	const merged: [number, number][] = [];
	for (const range of ranges) {
		const last = merged[merged.length - 1];
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	return merged;
}

/** Splits `chars[from, to)` into marked and unmarked segments. */
function segmentsOf(chars: readonly string[], ranges: readonly [number, number][], from: number, to: number): Segment[] {
	const segments: Segment[] = [];
	let at = from;
	for (const [start, end] of ranges) {
		if (end <= from || start >= to) continue;
		const s = Math.max(start, from);
		const e = Math.min(end, to);
		if (s > at) segments.push({ text: chars.slice(at, s).join(''), mark: false });
		segments.push({ text: chars.slice(s, e).join(''), mark: true });
		at = e;
	}
	if (at < to) segments.push({ text: chars.slice(at, to).join(''), mark: false });
	return segments;
}

/** A whole short text (a title) with its matches marked. */
export function highlight(text: string, needles: readonly string[], fold: FoldMap): Segment[] {
	const chars = [...text];
	return segmentsOf(chars, matchRanges(text, needles, fold), 0, chars.length);
}

const SENTENCE_END = /[。！？；!?;]/u;
const CLAUSE_END = /[，、：,:]/u;

/**
 * About `length` characters around the first match in the first of `texts` (paragraphs:
 * summary first, then the body's) that has one, starting at a sentence where it can;
 * the start of the first text when none matches.
 */
export function excerpt(texts: readonly string[], needles: readonly string[], fold: FoldMap, length = 90): Segment[] {
	for (const text of texts) {
		const ranges = matchRanges(text, needles, fold);
		if (!ranges.length) continue;
		const chars = [...text];
		const first = ranges[0]![0];
		let start = Math.max(0, first - Math.floor(length / 3));
		// Begin just after a sentence end shortly before the match, or else after a clause end.
		const after = (pattern: RegExp) => {
			for (let i = first - 1; i >= start; i--) if (pattern.test(chars[i]!)) return i + 1;
			return undefined;
		};
		start = after(SENTENCE_END) ?? after(CLAUSE_END) ?? start;
		if (first - start > length / 2) start = first - Math.floor(length / 3);
		const end = Math.min(chars.length, start + length);
		const segments = segmentsOf(chars, ranges, start, end);
		if (start > 0) segments.unshift({ text: '…', mark: false });
		if (end < chars.length) segments.push({ text: '…', mark: false });
		return segments;
	}
	const lead = [...(texts[0] ?? '')];
	const segments: Segment[] = [{ text: lead.slice(0, length).join(''), mark: false }];
	if (lead.length > length) segments.push({ text: '…', mark: false });
	return segments;
}
