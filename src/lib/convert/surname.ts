/**
 * The surname 余: OpenCC reads a lone 余 as 餘 (剩余 → 剩餘, 500余人 → 500餘人), which is
 * right for the word and wrong for the family name: 余先生, 余某, 余姓, and a person named
 * 余 before a title (余书记, 余建国县长, 余同志) keep 余 in 繁體. A glossary entry fixes
 * one name; this rule covers the pattern so an editor need not list every person.
 *
 * 余 counts as a surname when a title follows it, directly or after a one- or two-character
 * given name, and it does not end a word (其余, 剩余, 多余, 业余, 之余, 500余 …). A given
 * name never starts with a character that makes 余 a word of its own (余下, 余额, 余生 …).
 */

/** What follows a surname: titles and forms of address. */
const TITLES = [
	'副书记',
	'书记',
	'副县长',
	'县长',
	'副市长',
	'市长',
	'区长',
	'镇长',
	'乡长',
	'村长',
	'省长',
	'部长',
	'厅长',
	'局长',
	'处长',
	'科长',
	'所长',
	'站长',
	'校长',
	'院长',
	'主任',
	'主席',
	'委员',
	'同志',
	'先生',
	'女士',
	'老师',
	'教授',
	'医生',
	'师傅',
	'大姐',
	'大哥',
	'大爷',
	'阿姨',
	'某',
	'姓',
	'氏',
];

/** Characters before 余 that make it the end of a word (其余, 剩余, 500余, 之余 …). */
const WORD_BEFORE = /[其剩多业残盈结富节有之课工年月零一二三四五六七八九十百千万亿两\d.０-９]/u;
/** Characters after 余 that make it the start of a word (余下, 余额, 余生 …), never a given name. */
const WORD_AFTER = /[下额款粮热地波音数生年钱存量味晖韵党孽兴力悸震温缺裕暇烬项件人名个位次元亩家天户万亿]/u;

const SURNAME = new RegExp(`^余(?:(?!${WORD_AFTER.source})\\p{Script=Han}{1,2}?)?(?:${TITLES.join('|')})`, 'u');

/** True when the 余 at `index` of simplified text is the family name. */
export function isSurnameYuAt(text: string, index: number): boolean {
	if (text[index] !== '余') return false;
	const before = text[index - 1];
	if (before !== undefined && WORD_BEFORE.test(before)) return false;
	return SURNAME.test(text.slice(index, index + 8));
}
