/**
 * Warnings about glossary entries that probably do not say what the editor meant. An
 * entry without `hant` declares the term written the same in both scripts, and 繁體
 * pages print it unchanged; when OpenCC would convert some of its characters (余书记 →
 * 餘書記), the page shows simplified characters (书记) in traditional text.
 */
import type { TraditionalStandard } from './opencc-pipeline.ts';
import { getConverter } from './converter.ts';
import type { GlossaryEntry } from './glossary.ts';
import { checkMessages } from '../i18n/messages/index.ts';

/** One glossary entry that needs a `hant` form, with the sentence saying so. */
export interface GlossaryWarning {
	/** 0-based index of the entry in the glossary list. */
	index: number;
	message: string;
}

/** Entries without `hant` whose term OpenCC would change, so the 繁體 page would show it in simplified characters. */
export function glossaryWarnings(entries: readonly GlossaryEntry[], traditional: TraditionalStandard): GlossaryWarning[] {
	const plain = getConverter({ traditional });
	const warnings: GlossaryWarning[] = [];
	entries.forEach((entry, index) => {
		if (entry.hant !== undefined) return;
		const converted = plain.convert(entry.hans, 'hans', 'hant');
		if (converted === entry.hans) return;
		warnings.push({
			index,
			message: checkMessages.glossaryNoHant(index + 1, entry.hans, converted),
		});
	});
	return warnings;
}
