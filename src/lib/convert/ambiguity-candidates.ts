/**
 * Which characters convert more than one way, derived from OpenCC's dictionaries.
 *
 * OpenCC's source dictionaries list every candidate of a character (干 → 幹 乾 干), but
 * opencc-js ships only the first. The others are recovered from the phrase dictionary:
 * a phrase that gives a character another form (干净 → 乾淨, 干涉 → 干涉) shows that
 * form is a candidate. A form counts only if it simplifies back to the character
 * (TSCharacters), which drops phrases where the dictionary swaps in a different word
 * (里 in 英里 → 英哩). Candidates are then put in the site's character standard
 * (麪 → 麵 for tw), so pure variant differences do not count as ambiguity, and only
 * readings that occur in many different words count (PRODUCTIVE_NEIGHBOURS).
 *
 * For 繁體 sources the relation is reversed: a traditional character is ambiguous when
 * several simplified characters convert to it (乾 ← 干 in 乾淨, 乾 in 乾隆).
 */
import type { TraditionalStandard } from './opencc-pipeline.ts';
import { dictionaryMap, stPhrases } from './opencc-dictionaries.ts';

/** A character's possible forms in the other script, in both directions; only characters with more than one form are listed. */
export interface CandidateTables {
	/** Simplified character → its traditional candidates (in the standard's forms). */
	toHant: ReadonlyMap<string, readonly string[]>;
	/** Traditional character (in the standard's forms) → its simplified candidates. */
	toHans: ReadonlyMap<string, readonly string[]>;
}

/**
 * How many different neighbouring characters a non-usual reading must show in OpenCC's
 * phrases to count. Productive readings pass (髮 in 头发, 理发, 白发, 长发 …: 275;
 * 乾 in 干净, 饼干, 晒干 …: 496; 余 in 余姓 names: 49); readings confined to a few fixed
 * words, which the phrase list always catches, do not (噹 in 叮当, 响当当: 21; 傢 in
 * 家具, 家伙: 12; 箇 in 箇中: 2), so 当, 家, 个 and 党 raise no warnings.
 */
export const PRODUCTIVE_NEIGHBOURS = 22;

const cache = new Map<TraditionalStandard, CandidateTables>();

/** The candidate tables for one traditional standard, built from OpenCC's phrase list on first use and cached. */
export function candidateTables(traditional: TraditionalStandard): CandidateTables {
	const cached = cache.get(traditional);
	if (cached) return cached;
	const stCharacters = dictionaryMap('STCharacters');
	const tsCharacters = dictionaryMap('TSCharacters');
	const variants =
		traditional === 'tw' ? dictionaryMap('TWVariants') : traditional === 'hk' ? dictionaryMap('HKVariants') : new Map<string, string>();
	const inStandard = (char: string) => variants.get(char) ?? char;
	const simplifies = (char: string) => tsCharacters.get(char) ?? char;

	const usual = (simplified: string) => stCharacters.get(simplified) ?? simplified;
	// Neighbours seen with each (simplified, traditional) reading in the phrase list.
	const neighbours = new Map<string, Map<string, Set<string>>>();
	const note = (simplified: string, form: string, neighbour: string) => {
		let byForm = neighbours.get(simplified);
		if (!byForm) neighbours.set(simplified, (byForm = new Map()));
		let set = byForm.get(form);
		if (!set) byForm.set(form, (set = new Set()));
		set.add(neighbour);
	};
	for (const [source, target] of stPhrases()) {
		const sourceChars = Array.from(source);
		const targetChars = Array.from(target);
		if (sourceChars.length !== targetChars.length) continue;
		sourceChars.forEach((char, i) => {
			const form = targetChars[i];
			if (form === undefined || !/\p{Script=Han}/u.test(char)) return;
			// A real reading: the form simplifies back to the character, or is its usual form.
			if (simplifies(form) !== char && form !== usual(char)) return;
			const before = sourceChars[i - 1];
			const after = sourceChars[i + 1];
			if (before) note(char, inStandard(form), `${before}_`);
			if (after) note(char, inStandard(form), `_${after}`);
		});
	}
	const productive = (simplified: string, form: string) => (neighbours.get(simplified)?.get(form)?.size ?? 0) >= PRODUCTIVE_NEIGHBOURS;

	const toHant = new Map<string, readonly string[]>();
	const sources = new Map<string, Set<string>>();
	for (const [simplified, byForm] of neighbours) {
		const usualForm = inStandard(usual(simplified));
		const forms = [usualForm, ...[...byForm.keys()].filter((form) => form !== usualForm && productive(simplified, form))];
		if (forms.length > 1) toHant.set(simplified, forms);
		for (const form of byForm.keys()) {
			const usualSource = simplifies(form);
			let set = sources.get(form);
			if (!set) sources.set(form, (set = new Set([usualSource])));
			if (simplified !== usualSource && productive(simplified, form)) set.add(simplified);
		}
	}
	const toHans = new Map<string, readonly string[]>();
	for (const [form, set] of sources) if (set.size > 1) toHans.set(form, [...set]);

	const tables = { toHant, toHans };
	cache.set(traditional, tables);
	return tables;
}
