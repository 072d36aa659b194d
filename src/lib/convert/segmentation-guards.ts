/**
 * Segmentation guards: extra phrases that stop OpenCC's forward longest-match
 * segmentation from reading a word boundary wrongly in government prose.
 *
 * OpenCC segments left to right, taking the longest dictionary phrase at each point.
 * Its dictionary holds only words that need special treatment, so the ordinary word
 * before a 发 is usually not in it, and the dictionary's 理发 (haircut, 理髮), 长发,
 * 华发, 金发, 护发, 结发 … win instead: 社会治理发展 became 社會治理髮展, 经济增长发展
 * 經濟增長髮展, 资金发放 資金髮放, 带头发挥 帶頭髮揮.
 *
 * The guard for a trap phrase T (a phrase whose last character takes a reading other
 * than its usual one, 理发 → 理髮) and a common word W beginning with that character in
 * its usual reading (发展 → 發展) is the phrase T-without-its-last-character + W
 * (理发展 → 理發展). It is longer than T, so longest-match prefers it; wherever T itself
 * is meant (理发店) no guard applies. Guards are generated from OpenCC's own phrase list,
 * so they follow opencc-js upgrades; only the common words are listed here.
 *
 * A character is listed only where the trap reading practically never precedes the
 * common word. 干 is not: 若干部门 is 若干 + 部门, and a 若干部 guard would break it.
 */
import type { Trie } from 'opencc-js/core';
import type { DictionaryEntry } from './opencc-dictionaries.ts';

/** Common words (simplified) that start with the key character in its usual reading. */
export const COMMON_WORDS: Readonly<Record<string, readonly string[]>> = {
	发: [
		'发展',
		'发挥',
		'发放',
		'发现',
		'发生',
		'发布',
		'发动',
		'发起',
		'发出',
		'发言',
		'发育',
		'发扬',
		'发表',
		'发行',
		'发力',
		'发掘',
		'发明',
		'发送',
		'发票',
		'发达',
		'发证',
		'发文',
		'发声',
		'发包',
		'发射',
		'发源',
		'发觉',
		'发电',
		'发热',
		'发货',
		'发问',
		'发家',
		'发酵',
		'发病',
		'发作',
		'发函',
		'发令',
		'发奋',
		'发愤',
		'发端',
		'发案',
		'发芽',
		'发光',
		'发售',
		'发稿',
		'发往',
		'发给',
		'发还',
		'发改',
		'发奖',
		'发号',
		'发车',
		'发运',
		'发财',
		'发音',
		'发誓',
		'发怒',
		'发笑',
		'发烧',
		'发火',
		'发愁',
		'发难',
	],
	// 台风 is always 颱風, but phrases ending in 台 (台湾台 → 臺灣台, 港台 → 港臺) took its 台:
	// 台湾台风 became 臺灣台風, 香港台风 香港臺風.
	台: ['台风'],
};

/** Characters whose common words lose out to every phrase ending in them, whatever that phrase's reading. */
export const ANY_READING: ReadonlySet<string> = new Set(['台']);

/**
 * The guards for the given phrase dictionary. `firstStep` converts to OpenCC standard
 * forms (the first step of the s2t chain) and supplies the common words' readings.
 */
export function segmentationGuards(phrases: readonly DictionaryEntry[], firstStep: Trie): Array<readonly [string, string]> {
	const guards = new Map<string, string>();
	const usualForms = new Map<string, string>();
	for (const [source, target] of phrases) {
		// Cheap test first: the dictionary has ~50,000 phrases and few end in a listed character.
		const last = source.at(-1);
		const words = last === undefined ? undefined : COMMON_WORDS[last];
		if (!last || !words || source.length !== target.length) continue;
		let usual = usualForms.get(last);
		if (usual === undefined) usualForms.set(last, (usual = firstStep.convert(last)));
		if (target.at(-1) === usual && !ANY_READING.has(last)) continue;
		const prefix = source.slice(0, -1);
		const prefixTarget = target.slice(0, -1);
		for (const word of words) {
			const guard = prefix + word;
			// A phrase OpenCC already has for exactly this text decides it; leave it be.
			if (guards.has(guard) || firstStep.matchPrefix(guard, 0)?.end === guard.length) continue;
			guards.set(guard, prefixTarget + firstStep.convert(word));
		}
	}
	return [...guards];
}
