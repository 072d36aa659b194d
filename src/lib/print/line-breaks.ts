/**
 * Where a printed title may break. GB/T 9704 asks that a title broken over lines keep
 * each word whole (回行时词意完整), so titles break only between words, found with
 * Intl.Segmenter, and never leave closing punctuation at a line start or opening
 * punctuation at a line end (避头尾).
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Punctuation that must not start a line. */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’…—·%,.;:?!)\]]/u;
/** Punctuation that must not end a line. */
const NO_LINE_END = /[（《「『【〔“‘([]$/u;

/** A figure keeps its unit (1.02亿元, 2024年); spaces stay with the word before them. */
function mustJoin(previous: string, next: string): boolean {
	return (
		NO_LINE_START.test(next) ||
		NO_LINE_END.test(previous) ||
		/^\s+$/.test(next) ||
		(/[0-9A-Za-z.%]$/.test(previous) && /^[\p{Script=Han}0-9A-Za-z.%]/u.test(next))
	);
}

/**
 * The text cut into runs that may be placed on different lines: word boundaries that
 * are allowed line breaks. Joining the runs gives the text back unchanged.
 */
export function breakableRuns(text: string): string[] {
	const runs: string[] = [];
	for (const { segment } of segmenter.segment(text)) {
		const previous = runs.at(-1);
		if (previous !== undefined && mustJoin(previous, segment)) {
			runs[runs.length - 1] = previous + segment;
		} else {
			runs.push(segment);
		}
	}
	return runs;
}

/** Visual width in em: full-width characters count 1, ASCII ½, spaces ½. */
export function emWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 && !/[“”‘’—…]/.test(ch) ? 0.5 : 1;
	return width;
}

/**
 * The series name for the masthead on one line if it fits at `minOneLinePt`, else on two
 * lines split between words as evenly as possible. The size is the largest at which the
 * longest line fits `widthPt` (初号 42 pt at most for one line, 小初 36 pt for two).
 */
export function mastheadLayout(
	series: string,
	options: { widthPt?: number; maxPt?: number; maxTwoLinePt?: number; minOneLinePt?: number; tracking?: number } = {},
): { lines: string[]; fontSizePt: number } {
	const { widthPt = 442, maxPt = 42, maxTwoLinePt = 36, minOneLinePt = 28, tracking = 0.05 } = options;
	const fit = (em: number) => Math.floor((widthPt / (em * (1 + tracking))) * 2) / 2;
	const whole = series.trim();
	const oneLine = fit(emWidth(whole));
	if (oneLine >= minOneLinePt) return { lines: [whole], fontSizePt: Math.min(maxPt, oneLine) };
	const runs = breakableRuns(whole);
	let best: { lines: string[]; longest: number } | undefined;
	for (let i = 1; i < runs.length; i++) {
		const lines = [runs.slice(0, i).join('').trim(), runs.slice(i).join('').trim()];
		const longest = Math.max(...lines.map(emWidth));
		if (!best || longest < best.longest) best = { lines, longest };
	}
	if (!best) return { lines: [whole], fontSizePt: oneLine };
	return { lines: best.lines, fontSizePt: Math.min(maxTwoLinePt, fit(best.longest)) };
}

/**
 * A title set on as few lines of at most `maxEm` as it needs, broken only between words
 * and balanced (the longest line as short as possible), so no line holds a lone character
 * (GB/T 9704 7.3.1: 回行时要做到词意完整，排列对称). Titles that fit stay on one line.
 */
export function balancedLines(text: string, maxEm: number): string[] {
	const whole = text.trim();
	if (emWidth(whole) <= maxEm) return [whole];
	const runs = breakableRuns(whole);
	const widths = runs.map(emWidth);
	const lineCount = Math.ceil(emWidth(whole) / maxEm);
	// Smallest longest line over all ways to cut the runs into `lines` lines, by dynamic programming.
	const width = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0);
	for (let lines = lineCount; lines <= runs.length; lines++) {
		const best: { cost: number; cuts: number[] }[][] = [];
		const solve = (start: number, left: number): { cost: number; cuts: number[] } => {
			const memo = best[start]?.[left];
			if (memo) return memo;
			let result = { cost: Infinity, cuts: [] as number[] };
			if (left === 1) result = { cost: width(start, runs.length), cuts: [] };
			else {
				for (let end = start + 1; end <= runs.length - left + 1; end++) {
					const head = width(start, end);
					if (head > maxEm) break;
					const rest = solve(end, left - 1);
					const cost = Math.max(head, rest.cost);
					if (cost < result.cost) result = { cost, cuts: [end, ...rest.cuts] };
				}
			}
			(best[start] ??= [])[left] = result;
			return result;
		};
		const { cost, cuts } = solve(0, lines);
		if (cost <= maxEm) {
			const bounds = [0, ...cuts, runs.length];
			return bounds.slice(1).map((end, i) => runs.slice(bounds[i], end).join('').trim());
		}
	}
	// A single word longer than a line: leave the breaking to the layout.
	return [whole];
}
