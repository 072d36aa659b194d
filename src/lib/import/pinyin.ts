/**
 * Pinyin annotations left by converters and "reading aid" browser plug-ins: 鄉(xiāng),
 * 個(gè), 强(qiáng). An annotation is one or more syllables, each a valid pinyin
 * initial and final with a tone mark (or a tone digit), in ASCII or full-width brackets
 * right after a character. Bracketed Latin without tone marks — (PPP), (GDP), (café) — stays.
 */

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const VOWEL = `aeiouüv${TONED}`;
const INITIAL = '(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])';
/** One syllable: either carries its own tone mark, or ends in a tone digit. */
const SYLLABLE = `${INITIAL}?(?:[${VOWEL}]{0,2}[${TONED}][${VOWEL}]{0,2}|[${VOWEL}]{1,3}(?=(?:ng|n|r)?[1-5]))(?:ng|n|r)?[1-5]?`;
const ANNOTATION = new RegExp(`(?<=\\S)[(（]\\s*${SYLLABLE}(?:[\\s'’-]*${SYLLABLE})*\\s*[)）]`, 'giu');

/** The text without annotations, and how many were removed. */
export interface PinyinResult {
	text: string;
	count: number;
}

/** Removes pinyin annotations; `count` is how many were removed. */
export function removePinyinAnnotations(text: string): PinyinResult {
	let count = 0;
	const cleaned = text.replace(ANNOTATION, () => {
		count++;
		return '';
	});
	return { text: cleaned, count };
}
