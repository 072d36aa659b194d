/**
 * Conversion damage. Garbled spots — a `?` or U+FFFD standing for a lost character,
 * mojibake (UTF-8 read as GBK: 鈥, 锟斤拷), private-use characters — are reported with
 * their line and kept in the text for the editor to repair: guessing the lost characters
 * would put words in an official's mouth. Stray HTML tags in plain text are removed, and
 * reported; HTML entities are decoded.
 */
import { excerpt, isHan } from './cjk.ts';
import { isQuestionMark } from './punctuation.ts';

/** One garbled spot, for a warning on its line. */
export interface GarbleFinding {
	/** Offset in the text. */
	index: number;
	kind: 'lost characters' | 'mojibake' | 'private-use character' | 'control character';
	excerpt: string;
}

/** UTF-8 read as GBK turns “ ” into 鈥…, full-width punctuation into 锛… and 銆…; as Latin-1 into Ã, Â, â€. */
const MOJIBAKE = /锟斤拷|烫烫烫|屯屯屯|[鈥锛銆]\p{Script=Han}|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€[\u0080-\u00bf™œ\u201c\u201d\u2018\u2019]|ï»¿/gu;

/** Finds garbled spots in one paragraph, without changing it. */
export function findGarble(text: string): GarbleFinding[] {
	const findings: GarbleFinding[] = [];
	const chars = [...text];
	// Offsets below are code-point indices; excerpts are taken from the same array.
	const around = (i: number, len: number) => {
		const start = Math.max(0, i - 8);
		const end = Math.min(chars.length, i + len + 8);
		return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
	};
	for (let i = 0; i < chars.length; i++) {
		const c = chars[i] as string;
		if (c === '?' || c === '\ufffd') {
			let j = i;
			while (chars[j + 1] === '?' || chars[j + 1] === '\ufffd') j++;
			const run = j - i + 1;
			const nearHan = isHan(chars[i - 1]) || isHan(chars[j + 1]) || chars[i - 1] === undefined;
			const garbled = c === '\ufffd' || run > 1 ? true : nearHan && !isQuestionMark(chars, i);
			if (garbled && (nearHan || c === '\ufffd' || run > 1)) findings.push({ index: i, kind: 'lost characters', excerpt: around(i, run) });
			i = j;
			continue;
		}
		const code = c.codePointAt(0) ?? 0;
		if ((code >= 0xe000 && code <= 0xf8ff) || (code >= 0xf0000 && code <= 0x10ffff)) {
			findings.push({ index: i, kind: 'private-use character', excerpt: around(i, 1) });
		} else if (code < 0x20 && c !== '\t' && c !== '\n') {
			findings.push({ index: i, kind: 'control character', excerpt: around(i, 1) });
		}
	}
	for (const match of text.matchAll(MOJIBAKE)) {
		findings.push({ index: match.index, kind: 'mojibake', excerpt: excerpt(text, match.index, match[0].length) });
	}
	// Kana between Han characters is a Chinese encoding read as Japanese (or the reverse).
	for (const match of text.matchAll(/(?<=\p{Script=Han})[\p{Script=Hiragana}\p{Script=Katakana}]+(?=\p{Script=Han})/gu)) {
		findings.push({ index: match.index, kind: 'mojibake', excerpt: excerpt(text, match.index, match[0].length) });
	}
	// One report per spot: findings within a few characters of each other are the same damage.
	const kept: GarbleFinding[] = [];
	for (const finding of findings.sort((a, b) => a.index - b.index)) {
		const last = kept[kept.length - 1];
		if (!last || finding.index - last.index > 8) kept.push(finding);
	}
	return kept;
}

const ENTITIES: Record<string, string> = {
	nbsp: ' ',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	ldquo: '“',
	rdquo: '”',
	lsquo: '‘',
	rsquo: '’',
	middot: '·',
	mdash: '—',
	ndash: '–',
	hellip: '…',
	emsp: ' ',
	ensp: ' ',
	thinsp: ' ',
	times: '×',
	copy: '©',
	reg: '®',
};

/** The text without stray markup, with the tags removed (for the warning) and the number of entities decoded. */
export interface MarkupResult {
	text: string;
	/** Tags removed, as written: `<span style="…">`, `</p>`. */
	tags: string[];
	entities: number;
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s+[^<>]*)?\/?>|<!--[\s\S]*?-->/gu;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/giu;

/** Removes stray HTML tags (and whole script/style elements) and decodes entities in plain text. */
export function stripStrayMarkup(text: string): MarkupResult {
	const tags: string[] = [];
	let cleaned = text.replace(SCRIPT_OR_STYLE, (whole) => {
		tags.push(whole.length > 40 ? `${whole.slice(0, 37)}…` : whole);
		return '';
	});
	cleaned = cleaned.replace(TAG, (tag) => {
		tags.push(tag.length > 40 ? `${tag.slice(0, 37)}…` : tag);
		return '';
	});
	let entities = 0;
	cleaned = cleaned.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
		let value: string | undefined;
		if (dec || hex) {
			const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
			value = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
		} else if (name) {
			value = ENTITIES[name.toLowerCase()];
		}
		if (value === undefined) return whole;
		entities++;
		return value;
	});
	return { text: cleaned, tags, entities };
}
