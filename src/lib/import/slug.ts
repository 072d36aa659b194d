/**
 * File names for drafts, which are also the cases' web addresses: the pinyin of the place
 * and of a keyword of the title (changshan-cunqingbaogaohui), so an editor can read
 * them. Computed on the simplified text, so a 繁體 and a 简体 copy of one case get the
 * same name; an issue is named by a short hash of its series and its number.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { getDivision } from '../regions.ts';
import { hanOnly } from './cjk.ts';
import { toSimplified } from './script.ts';

function shortHash(...parts: string[]): string {
	const key = parts.map((p) => hanOnly(toSimplified(p)) || p).join('\u0000');
	return createHash('sha256').update(key).digest('hex').slice(0, 6);
}

/** Lower-case toneless pinyin of the Han characters (and ASCII letters/digits) of `text`, run together. */
export function pinyinWord(text: string): string {
	const simplified = toSimplified(text).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
	if (!simplified) return '';
	return pinyin(simplified, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
		.join('')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const DIVISION_SUFFIX = /(?:自治县|自治州|自治旗|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|新区|矿区|林区|省|市|县|区|旗|盟|州)$/u;

/** The place part: the county (or the unit's first words when no place was found), without 县/市/区. */
function placeWord(regionCode: string, unit: string): string {
	const division = getDivision(regionCode);
	const placeholder = regionCode === '110000' && !toSimplified(unit).includes('北京');
	const unitWords = /^待(?:补充|補充)$/u.test(unit) ? '' : [...hanOnly(toSimplified(unit))].slice(0, 4).join('');
	const name = division && !placeholder ? division.name : unitWords;
	const base = name.replace(DIVISION_SUFFIX, '');
	return pinyinWord([...base].length >= 2 ? base : name);
}

/** The keyword of a title: its first quoted term (“村情报告会”), else its first four Han characters. */
export function titleKeyword(title: string): string {
	const simplified = toSimplified(title);
	const quoted = /[“"「『]([^”"」』]{2,10})[”"」』]/u.exec(simplified)?.[1];
	const han = hanOnly(quoted ?? simplified);
	return [...han].slice(0, quoted ? 8 : 4).join('');
}

/** A readable, ASCII file name for a case: place-keyword, e.g. changshan-cunqingbaogaohui. */
export function caseSlug(regionCode: string, title: string, unit: string): string {
	const words = [placeWord(regionCode, unit), pinyinWord(titleKeyword(title))].filter(Boolean);
	const slug = words.join('-').slice(0, 48).replace(/-$/, '');
	return slug || `case-${shortHash(title, unit)}`;
}

/** File name of an issue: issue-<hash of series>-<number>. */
export function issueSlug(series: string, number: number): string {
	return `issue-${shortHash(series, String(number))}-${number}`;
}

/** Makes `slug` unique among `taken` by appending -2, -3 … */
export function uniqueSlug(slug: string, taken: Set<string>): string {
	let candidate = slug;
	for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
	taken.add(candidate);
	return candidate;
}
