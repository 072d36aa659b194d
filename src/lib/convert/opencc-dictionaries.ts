/**
 * OpenCC's dictionaries as opencc-js ships them, parsed into [source, target] pairs on
 * first use. opencc-js keeps only the first candidate of each character (干 → 幹), so
 * whatever needs "all the ways a character can convert" derives it from the phrase
 * dictionaries (see ambiguity-candidates.ts).
 */
import HKVariants from 'opencc-js/dict/HKVariants';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrasesGenerated from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';

/** One line of an OpenCC dictionary: a character or phrase and what it converts to. */
export type DictionaryEntry = readonly [source: string, target: string];

const RAW = {
	STCharacters,
	STPhrases,
	STPhrasesGenerated,
	TSCharacters,
	TSPhrases,
	TWVariants,
	HKVariants,
} as const;
/** The dictionaries this module can read. */
export type DictionaryName = keyof typeof RAW;

const parsed = new Map<DictionaryName, DictionaryEntry[]>();

/** A dictionary's [source, target] pairs, in file order. */
export function dictionary(name: DictionaryName): readonly DictionaryEntry[] {
	let entries = parsed.get(name);
	if (!entries) {
		entries = RAW[name].split('|').map((line) => {
			const space = line.indexOf(' ');
			return [line.slice(0, space), line.slice(space + 1)] as const;
		});
		parsed.set(name, entries);
	}
	return entries;
}

/** Simplified→traditional phrases, in the order OpenCC consults them. */
export function stPhrases(): readonly DictionaryEntry[] {
	return [...dictionary('STPhrases'), ...dictionary('STPhrasesGenerated')];
}

const maps = new Map<DictionaryName, Map<string, string>>();

/** A dictionary as a source → target lookup, built on first use. */
export function dictionaryMap(name: DictionaryName): ReadonlyMap<string, string> {
	let map = maps.get(name);
	if (!map) {
		map = new Map(dictionary(name));
		maps.set(name, map);
	}
	return map;
}
