/**
 * Figures written in Chinese numerals (六十七个, 三百余人, 一万二千人次, 两千多万元), read as
 * their value so a metric's `value` can be compared with its `text` however the text is
 * written. The inverse of print/numerals.ts's chineseNumeral.
 */
import { parseFigure, type ParsedFigure } from './metrics.ts';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const NUMERAL_RUN = new RegExp(`[${[...Object.keys(DIGITS), ...Object.keys(SMALL_UNITS), ...Object.keys(BIG_UNITS)].join('')}]+`, 'u');

/** 六十七 → 67, 一百零五 → 105, 一万二千 → 12000, 十 → 10. Undefined when `text` is not only a numeral. */
export function parseChineseNumeral(text: string): number | undefined {
	if (!text || !new RegExp(`^${NUMERAL_RUN.source}$`, 'u').test(text)) return undefined;
	let total = 0;
	let section = 0;
	let digit: number | undefined;
	for (const ch of text) {
		if (ch in DIGITS) {
			if (digit !== undefined && digit !== 0) return undefined; // 六七: two digits in a row is not a numeral
			digit = DIGITS[ch]!;
		} else if (ch in SMALL_UNITS) {
			section += (digit ?? 1) * SMALL_UNITS[ch]!;
			digit = undefined;
		} else if (BIG_UNITS[ch] === 1e8) {
			total = (total + section + (digit ?? 0) || 1) * 1e8;
			section = 0;
			digit = undefined;
		} else {
			total += (section + (digit ?? 0) || 1) * 1e4;
			section = 0;
			digit = undefined;
		}
	}
	return total + section + (digit ?? 0);
}

/**
 * Parses a figure whose number is written in Chinese numerals (六十七个 → 67 个), with the
 * same qualifiers and units as digit figures (近三十个, 三百余人, 两千多万元). Undefined when it
 * holds digits or no numeral.
 */
export function parseChineseFigure(text: string): ParsedFigure | undefined {
	if (/[0-9０-９]/.test(text)) return undefined;
	const match = NUMERAL_RUN.exec(text);
	if (!match) return undefined;
	// 一万 alone is a number; a trailing 万/亿 before a unit is kept as the figure's magnitude (两千多万元).
	let run = match[0];
	const rest = text.slice(match.index + run.length);
	let value = parseChineseNumeral(run);
	if (value === undefined && /[万萬亿億]$/u.test(run)) {
		value = parseChineseNumeral(run.slice(0, -1));
		run = run.slice(0, -1);
	}
	if (value === undefined) return undefined;
	const figure = parseFigure(`${text.slice(0, match.index)}${value}${text.slice(match.index + run.length, match.index + match[0].length)}${rest}`);
	return figure ? { ...figure, text } : undefined;
}
