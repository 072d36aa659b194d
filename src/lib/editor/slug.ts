/**
 * Readable file names (and so URLs) for new cases and issues: the pinyin of the place and a
 * keyword, as the sample content is named (changshan-cunqing-baogaohui), instead of a hash.
 * Shared by `npm run new`, `npm run new-issue` and the importer (src/lib/import/slug.ts).
 * pinyin-pro reads polyphonic characters in context (长宁 → changning, 重庆 → chongqing).
 */
import { pinyin } from 'pinyin-pro';
import { getDivision } from '../regions.ts';
import { baseName } from '../import/places.ts';
import { toSimplified } from '../import/script.ts';

/** A quoted term is kept whole up to this; a title's opening words are cut shorter. */
const MAX_QUOTED_CHARS = 6;
const MAX_OPENING_CHARS = 4;

/** Pinyin of the Han characters (and ASCII letters/digits) in `text`, one run without tones: 村情报告会 → cunqingbaogaohui. */
export function pinyinWord(text: string): string {
	const syllables = pinyin(toSimplified(text), { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' });
	return syllables
		.join('')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '');
}

/** The keyword of a title: a quoted term (“村情报告会”) or else its first characters. */
export function titleKeyword(title: string, place?: string): string {
	const quoted = /[“"「『]([^”"」』]{2,12})[”"」』]/u.exec(title)?.[1];
	let text = quoted ?? title;
	if (!quoted && place && text.startsWith(place)) text = text.slice(place.length);
	const han = [...text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')];
	return han.slice(0, quoted ? MAX_QUOTED_CHARS : MAX_OPENING_CHARS).join('');
}

/** The everyday name of a division for a file name: 常山县 → 常山, 通道侗族自治县 → 通道. */
export function placeWord(regionCode: string): string {
	const division = getDivision(regionCode);
	return division ? baseName(division.name) : '';
}

/**
 * A case's suggested file name: place pinyin + keyword pinyin (changshan-cunqing…). Falls back
 * to the region code when a part has no readable letters.
 */
export function suggestCaseSlug(regionCode: string, title: string): string {
	const place = placeWord(regionCode);
	const parts = [pinyinWord(place) || regionCode, pinyinWord(titleKeyword(toSimplified(title), place))].filter(Boolean);
	return parts.join('-');
}

/** A suggested issue id: series keyword + number (yuncheng-wumian-hongqi-2 style). */
export function suggestIssueSlug(series: string, number: number): string {
	const word = pinyinWord(titleKeyword(toSimplified(series)));
	return [word || 'issue', String(number)].join('-');
}
