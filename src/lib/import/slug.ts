/**
 * File names for drafts, which are also the cases' web addresses: the pinyin of the place and
 * of a keyword of the title (changshan-cunqingbaogaohui), for `npm run import` and
 * `npm run new` alike. pinyin-pro reads polyphonic characters in context (长宁 → changning).
 * Computed on the simplified text, so a 繁體 and a 简体 copy of one case get the same name;
 * when no place was found, the unit's opening words stand for it.
 */
import { pinyin } from 'pinyin-pro';
import { getDivision } from '../regions.ts';
import { hanOnly } from './cjk.ts';
import { baseName } from './places.ts';
import { toSimplified } from './script.ts';

/** Lower-case toneless pinyin of the Han characters (and ASCII letters/digits) of `text`, run together. */
export function pinyinWord(text: string): string {
	const simplified = toSimplified(text).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
	if (!simplified) return '';
	return pinyin(simplified, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
		.join('')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** The keyword of a title: its first quoted term (“村情报告会”), else its first four Han characters. */
export function titleKeyword(title: string): string {
	const simplified = toSimplified(title);
	const quoted = /[“"「『]([^”"」』]{2,10})[”"」』]/u.exec(simplified)?.[1];
	const han = hanOnly(quoted ?? simplified);
	return [...han].slice(0, quoted ? 8 : 4).join('');
}

/** The place part: the division's everyday name (常山县 → 常山), else the unit's first words. */
function placeWord(regionCode: string | undefined, unit: string): string {
	const division = regionCode ? getDivision(regionCode) : undefined;
	if (division) return pinyinWord(baseName(division.name));
	return /^待(?:补充|補充)$/u.test(unit) ? '' : pinyinWord([...hanOnly(toSimplified(unit))].slice(0, 4).join(''));
}

/**
 * A readable, ASCII file name for a case: place-keyword, e.g. changshan-cunqingbaogaohui.
 * `regionCode` is undefined when no place was found (the draft holds a placeholder code).
 */
export function caseSlug(regionCode: string | undefined, title: string, unit: string): string {
	const slug = [placeWord(regionCode, unit), pinyinWord(titleKeyword(title))].filter(Boolean).join('-').slice(0, 48).replace(/-$/, '');
	return slug || 'case';
}

/** File name of an issue: the series' keyword and the number (wumianhongqi-1). */
export function issueSlug(series: string, number: number): string {
	return `${pinyinWord(titleKeyword(series)) || 'issue'}-${number}`;
}

/** Makes `slug` unique among `taken` by appending -2, -3 … */
export function uniqueSlug(slug: string, taken: Set<string>): string {
	let candidate = slug;
	for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
	taken.add(candidate);
	return candidate;
}
