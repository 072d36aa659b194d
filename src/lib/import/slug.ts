/**
 * File names for drafts, which are also the cases' web addresses: the pinyin of the place and
 * of a keyword of the title (changshan-cunqingbaogaohui), named the same way `npm run new`
 * names them (src/lib/editor/slug.ts). When no place was found, the unit's opening words stand
 * for it; a 繁體 and a 简体 copy of one case get the same name.
 */
import { pinyinWord, suggestCaseSlug, suggestIssueSlug, titleKeyword } from '../editor/slug.ts';
import { hanOnly } from './cjk.ts';
import { toSimplified } from './script.ts';

/**
 * A readable, ASCII file name for a case: place-keyword, e.g. changshan-cunqingbaogaohui.
 * `regionCode` is undefined when no place was found (the draft holds a placeholder code).
 */
export function caseSlug(regionCode: string | undefined, title: string, unit: string): string {
	if (regionCode) return suggestCaseSlug(regionCode, title);
	const unitWords = /^待(?:补充|補充)$/u.test(unit) ? '' : [...hanOnly(toSimplified(unit))].slice(0, 4).join('');
	const slug = [pinyinWord(unitWords), pinyinWord(titleKeyword(toSimplified(title)))].filter(Boolean).join('-');
	return slug || 'case';
}

/** File name of an issue: the series' keyword and the number (yuncheng-wumian-2). */
export function issueSlug(series: string, number: number): string {
	return suggestIssueSlug(series, number);
}

/** Makes `slug` unique among `taken` by appending -2, -3 … */
export function uniqueSlug(slug: string, taken: Set<string>): string {
	let candidate = slug;
	for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
	taken.add(candidate);
	return candidate;
}
