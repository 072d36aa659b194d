/**
 * Round trip: convert to the other script and back. Where the result differs from the
 * source, one of the two directions picked the wrong form (彙編 → 汇编 is fine, but 著
 * → 着 → 着 loses 著作's 著), and the 繁體 page is likely wrong there too: the fix is a
 * glossary entry or a <Zh> element.
 */
import type { Script } from '../../schemas/script.ts';
import type { ScriptConverter } from './converter.ts';
import { textRunsOfMdx } from './mdx-text.ts';
import { siteConverter } from './site-converter.ts';

/** One stretch of the source that does not survive the round trip. */
export interface RoundTripDifference {
	/** 1-based line and column (in characters) of the first differing character. */
	line: number;
	column: number;
	/** The differing stretch as written, in the other script, and after the round trip. */
	source: string;
	converted: string;
	back: string;
	/** The source text around it on its line, the stretch in 【】. */
	context: string;
}

/** The text in the other script, the text converted back, and where that differs from the source. */
export interface RoundTripResult {
	converted: string;
	back: string;
	differences: RoundTripDifference[];
}

const otherScript = (script: Script): Script => (script === 'hans' ? 'hant' : 'hans');

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
	return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** Up to eight characters either side of [start, end) on the same line, the stretch in 【】. */
function contextAround(text: string, start: number, end: number): string {
	const lineStart = text.lastIndexOf('\n', start - 1) + 1;
	const lineEnd = text.indexOf('\n', end);
	const before = Array.from(text.slice(lineStart, start)).slice(-8).join('');
	const after = Array.from(text.slice(end, lineEnd === -1 ? undefined : lineEnd))
		.slice(0, 8)
		.join('');
	return `${before}【${text.slice(start, end)}】${after}`;
}

/** Differing stretches (UTF-16 ranges of `source`), compared code point by code point. */
function differingRanges(source: string, back: string): Array<[number, number]> {
	const a = Array.from(source);
	const b = Array.from(back);
	if (a.length !== b.length) return [[0, source.length]];
	const ranges: Array<[number, number]> = [];
	let offset = 0;
	let open: number | undefined;
	a.forEach((char, i) => {
		if (char !== b[i] && open === undefined) open = offset;
		if (char === b[i] && open !== undefined) {
			ranges.push([open, offset]);
			open = undefined;
		}
		offset += char.length;
	});
	if (open !== undefined) ranges.push([open, offset]);
	return ranges;
}

function differences(
	source: string,
	script: Script,
	converter: ScriptConverter,
	locate: (offset: number) => { line: number; column: number },
): { converted: string; back: string; differences: RoundTripDifference[] } {
	const converted = converter.convert(source, script, otherScript(script));
	const back = converter.convert(converted, otherScript(script), script);
	if (back === source) return { converted, back, differences: [] };
	const sameLength = Array.from(converted).length === Array.from(source).length;
	return {
		converted,
		back,
		differences: differingRanges(source, back).map(([start, end]) => {
			const { line, column } = locate(start);
			const points = Array.from(source.slice(0, start)).length;
			const length = Array.from(source.slice(start, end)).length;
			return {
				line,
				column,
				source: source.slice(start, end),
				converted: sameLength
					? Array.from(converted)
							.slice(points, points + length)
							.join('')
					: converted,
				back: sameLength
					? Array.from(back)
							.slice(points, points + length)
							.join('')
					: back,
				context: contextAround(source, start, end),
			};
		}),
	};
}

/** Round trip of plain text; lines and columns are the text's. */
export function roundTrip(text: string, script: Script, converter: ScriptConverter = siteConverter()): RoundTripResult {
	return differences(text, script, converter, (offset) => lineAndColumn(text, offset));
}

/**
 * Round trip of an MDX file's prose (as the build converts it: frontmatter, code and
 * <Zh> elements excluded), with the file's lines and columns.
 */
export function roundTripMdx(fileText: string, script: Script, converter: ScriptConverter = siteConverter()): RoundTripDifference[] {
	const found: RoundTripDifference[] = [];
	for (const run of textRunsOfMdx(fileText)) {
		const result = differences(run.text, script, converter, (offset) => lineAndColumn(fileText, run.offsets[offset] ?? 0));
		found.push(...result.differences);
	}
	return found;
}
