/**
 * Character classes for Chinese text, shared by the cleaning rules. Pure and exported:
 * the punctuation restorer and the converters elsewhere in the project use them too.
 */

const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Full-width punctuation that closes a phrase: a comma or bracket may follow it. */
export const CJK_CLOSING = '，。、；：？！”’」』）》】〕〉…—';
/** Full-width punctuation that opens a phrase. */
export const CJK_OPENING = '“‘「『（《【〔〈';

/** True for a single Han character; punctuation and full-width forms are not Han. */
export function isHan(char: string | undefined): boolean {
	return char !== undefined && HAN_CHAR.test(char);
}

/** Han characters, full-width punctuation and full-width forms: the "Chinese side" of a boundary. */
export function isCjk(char: string | undefined): boolean {
	if (char === undefined) return false;
	if (isHan(char)) return true;
	const code = char.codePointAt(0) ?? 0;
	return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff60) || CJK_CLOSING.includes(char) || CJK_OPENING.includes(char);
}

/** How many Han characters the text holds: the measure of how much Chinese a line or document carries. */
export function countHan(text: string): number {
	return text.match(HAN_GLOBAL)?.length ?? 0;
}

/** Removes everything but Han characters: "创新“村情”制度" → "创新村情制度". */
export function hanOnly(text: string): string {
	return (text.match(HAN_GLOBAL) ?? []).join('');
}

/** True for an ASCII digit (not a full-width ０–９). */
export function isDigit(char: string | undefined): boolean {
	return char !== undefined && char >= '0' && char <= '9';
}

/** True for an ASCII letter. */
export function isLatin(char: string | undefined): boolean {
	return char !== undefined && /^[A-Za-z]$/.test(char);
}

/** True when a full stop occurs before the end: the block holds more than one sentence. */
export function hasInnerSentenceEnd(text: string): boolean {
	const trimmed = text.trim().replace(/[。！？]["”’」』）)]*$/u, '');
	return /[。！？]/u.test(trimmed);
}

/** Collapses runs of blanks (including U+3000 and no-break spaces) and trims. */
export function normalizeSpaces(text: string): string {
	const joined = text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\t\u00a0\u3000 ]*(?:\r\n|\r|\n|\u2028|\u2029)[\t\u00a0\u3000 ]*/g, '\n');
	// A line break inside a paragraph means nothing between Chinese characters, a space elsewhere.
	const chars = [...joined];
	const out = chars.map((c, i) => (c === '\n' ? (isCjk(chars[i - 1]) && isCjk(chars[i + 1]) ? '' : ' ') : c));
	return out
		.join('')
		.replace(/[\t\u00a0\u3000 ]+/g, ' ')
		.trim();
}

/** A short excerpt around `index` for messages: …动落地。??己嗽u價相融合… */
export function excerpt(text: string, index: number, length = 1, radius = 8): string {
	const start = Math.max(0, index - radius);
	const end = Math.min(text.length, index + length + radius);
	return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
