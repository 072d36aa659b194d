/**
 * Restores full-width punctuation flattened to ASCII on the way (，：；（）？！ → ,:;()?!).
 * A mark is restored when it stands on the Chinese side of a boundary: next to a Han
 * character or full-width punctuation. Thousands separators (3,000), times (10:30),
 * URLs and e-mail addresses are left alone, and a `?` is only a question mark when its
 * clause asks something — otherwise it is a lost character (see garble.ts).
 */
import { CJK_CLOSING, CJK_OPENING, isCjk, isDigit, isHan, isLatin } from './cjk.ts';

const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const PROTECTED = /https?:\/\/[^\s\u3000-\u303f\uff00-\uffef\p{Script=Han}]+|www\.[a-z0-9.-]+[^\s\p{Script=Han}]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const QUESTION_WORDS = /吗|嗎|呢|什么|什麼|怎么|怎麼|怎样|怎樣|如何|为何|為何|为什么|為什麼|哪|谁|誰|几|幾|多少|是否|难道|難道|何|么|麼|可否|能否/u;

/** The text with full-width punctuation restored, and how many marks changed. */
export interface PunctuationResult {
	text: string;
	count: number;
}

/** Restores full-width punctuation in one paragraph of Chinese text. */
export function restoreFullwidthPunctuation(text: string): PunctuationResult {
	const chars = [...text];
	const protectedMask = maskProtected(chars, text);
	let count = 0;
	const out: string[] = chars.slice();

	const neighbour = (i: number, step: 1 | -1): { char: string | undefined; index: number } => {
		let j = i + step;
		if (chars[j] === ' ') j += step;
		return { char: chars[j], index: j };
	};
	const replace = (i: number, mark: string) => {
		out[i] = mark;
		count++;
		// A space beside a restored mark only separated ASCII punctuation from the next word.
		if (chars[i - 1] === ' ' && isCjk(chars[i - 2])) out[i - 1] = '';
		if (chars[i + 1] === ' ' && (isCjk(chars[i + 2]) || isDigit(chars[i + 2]) || isLatin(chars[i + 2]))) out[i + 1] = '';
	};

	for (let i = 0; i < chars.length; i++) {
		const c = chars[i] as string;
		if (protectedMask[i] || !(c in FULLWIDTH) || c === '(' || c === ')') continue;
		const left = neighbour(i, -1).char;
		const right = neighbour(i, 1).char;
		const cjkLeft = isCjkSide(left);
		const cjkRight = isCjkSide(right) || (right !== undefined && CJK_OPENING.includes(right));
		if (c === '?') {
			if (isQuestionMark(chars, i)) replace(i, '？');
			continue;
		}
		if (c === '!' && (right === '=' || right === '[')) continue;
		if (c === ':' && (chars[i + 1] === '/' || (isDigit(left) && isDigit(right)))) continue;
		if (c === ',' && isDigit(left) && isDigit(right)) continue;
		if (cjkLeft || (cjkRight && !isDigit(left))) {
			if (c === ',' && !cjkLeft && !cjkRight) continue;
			replace(i, FULLWIDTH[c] as string);
		}
	}

	count += restoreParentheses(chars, out, protectedMask);
	count += restoreDoubleQuotes(chars, out);
	return { text: out.join(''), count };
}

function isCjkSide(char: string | undefined): boolean {
	return char !== undefined && (isHan(char) || CJK_CLOSING.includes(char) || isCjk(char));
}

/** True when the ASCII `?` at `i` ends a question (rather than standing for a lost character). */
export function isQuestionMark(chars: string[], i: number): boolean {
	const left = chars[i - 1];
	const right = chars[i + 1];
	if (left === '?' || right === '?' || left === '\ufffd' || right === '\ufffd') return false;
	if (!isHan(left) && !(left !== undefined && '”’」』）)'.includes(left))) return false;
	if (right !== undefined && !isHan(right) && !' ”’」』）)\n'.includes(right) && !isCjk(right)) return false;
	// The clause that ends here: back to the previous sentence boundary (at most 80 characters).
	let start = i;
	while (start > 0 && i - start < 80 && !'。！？；?!'.includes(chars[start - 1] as string)) start--;
	return QUESTION_WORDS.test(chars.slice(start, i).join(''));
}

function maskProtected(chars: string[], text: string): boolean[] {
	const mask = new Array<boolean>(chars.length).fill(false);
	// Map UTF-16 offsets to code-point indices.
	const cpIndex: number[] = [];
	let cp = 0;
	for (const ch of chars) {
		for (let k = 0; k < ch.length; k++) cpIndex.push(cp);
		cp++;
	}
	for (const match of text.matchAll(PROTECTED)) {
		const start = cpIndex[match.index] ?? 0;
		const end = cpIndex[match.index + match[0].length - 1] ?? start;
		for (let k = start; k <= end; k++) mask[k] = true;
	}
	return mask;
}

/**
 * Pairs `(`…`)` (or a mixed pair like `（`…`)`) without nesting, within 60 characters, and
 * makes both full-width when the pair touches Chinese: Han inside, or Han right outside.
 */
function restoreParentheses(chars: string[], out: string[], protectedMask: boolean[]): number {
	let count = 0;
	for (let i = 0; i < chars.length; i++) {
		if ((chars[i] !== '(' && chars[i] !== '（') || protectedMask[i]) continue;
		let j = i + 1;
		while (j < chars.length && j - i <= 60 && chars[j] !== ')' && chars[j] !== '）' && chars[j] !== '(' && chars[j] !== '（') j++;
		if (j >= chars.length || (chars[j] !== ')' && chars[j] !== '）')) continue;
		if (chars[i] === '（' && chars[j] === '）') continue;
		const inside = chars.slice(i + 1, j);
		const touches = inside.some((c) => isHan(c)) || isCjk(chars[i - 1]) || isCjk(chars[j + 1]);
		if (!touches || inside.length === 0) continue;
		if (chars[i] === '(') {
			out[i] = '（';
			count++;
		}
		if (chars[j] === ')') {
			out[j] = '）';
			count++;
		}
		i = j;
	}
	return count;
}

/** Straight double quotes around Chinese become “ ” when the paragraph has an even number of them. */
function restoreDoubleQuotes(chars: string[], out: string[]): number {
	const positions = chars.flatMap((c, i) => (c === '"' ? [i] : []));
	if (positions.length === 0 || positions.length % 2 !== 0) return 0;
	let count = 0;
	for (let k = 0; k < positions.length; k += 2) {
		const open = positions[k] as number;
		const close = positions[k + 1] as number;
		const inside = chars.slice(open + 1, close);
		if (!inside.some((c) => isHan(c))) continue;
		out[open] = '“';
		out[close] = '”';
		count += 2;
	}
	return count;
}
