/**
 * Chinese numerals as a briefing numbers its items (一、二、……十一、二十): written out as
 * text rather than a CSS counter, so the numbers are in the PDF's text layer.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. Positive integers below 10000. */
export function chineseNumeral(n: number): string {
	if (!Number.isInteger(n) || n <= 0 || n >= 10000) {
		throw new RangeError(`chineseNumeral: expected a whole number from 1 to 9999, found ${n}`);
	}
	const digits = String(n).split('').map(Number);
	let out = '';
	let pendingZero = false;
	digits.forEach((d, i) => {
		const unit = UNITS[digits.length - 1 - i]!;
		if (d === 0) {
			pendingZero = out !== '';
			return;
		}
		if (pendingZero) out += DIGITS[0];
		pendingZero = false;
		// 十一 rather than 一十一 when the number starts in the tens.
		out += (d === 1 && unit === '十' && i === 0 ? '' : DIGITS[d]) + unit;
	});
	return out;
}

/** The list marker of item `n`: 一、 */
export function itemMarker(n: number): string {
	return `${chineseNumeral(n)}、`;
}
