/**
 * Turns what a reader typed into the Pagefind searches that answer it (see tokens.ts for
 * the words in the index).
 *
 * - One phrase of several words (村情报告会 → 村情 情报 报告 告会): an exact-phrase search
 *   decides which cases match (the words at consecutive positions: a substring match),
 *   and an ordinary search over the same words ranks them (Pagefind ranks exact-phrase
 *   hits all alike). The ordinary search alone would be wrong: when a word is missing
 *   from the index Pagefind falls back to a shorter word that is a prefix of it (告会 →
 *   告), which for two-character words means any page with that character.
 * - One word (胡柚, 2023): the same, exact search to match and ordinary search to rank,
 *   except for a single Han character or a run of letters/digits, which match as a prefix.
 * - Several phrases (五面红旗 芮城): an ordinary search over all their words, which
 *   Pagefind ANDs, guarded by one exact search per phrase so a phrase found nowhere
 *   gives no results instead of a fallback. Within each phrase the words need not be
 *   adjacent then: a little looser than one phrase, and what keeps facet counts Pagefind's.
 */
import { foldText, type FoldMap } from './fold.ts';
import { queryPhrases, type Phrase } from './tokens.ts';

/** The Pagefind searches that answer one query, and what to highlight in the results. */
export interface QueryPlan {
	/** Folded phrases, for highlighting. Empty when the query has nothing to search (browse). */
	phrases: Phrase[];
	/** The search whose results (and facet counts) are the answer; null to browse by filters alone. */
	match: string | null;
	/** A search whose order ranks the matches, when `match` does not rank them itself. */
	rank?: string;
	/** Searches that must each find something, or the answer is empty. */
	guards: string[];
}

const exact = (words: readonly string[]) => `"${words.join(' ')}"`;

/** Plans the searches for what the reader typed (see above); `fold` is the table the index was folded with. */
export function planQuery(query: string, fold: FoldMap): QueryPlan {
	const phrases = queryPhrases(foldText(query.normalize('NFC'), fold)).filter((p) => p.words.length > 0);
	if (!phrases.length) return { phrases: [], match: null, guards: [] };
	if (phrases.length === 1) {
		const [phrase] = phrases as [Phrase];
		if (phrase.prefix) return { phrases, match: phrase.words[0]!, guards: [] };
		return { phrases, match: exact(phrase.words), rank: phrase.words.join(' '), guards: [] };
	}
	return {
		phrases,
		match: phrases.flatMap((p) => p.words).join(' '),
		guards: phrases.filter((p) => !p.prefix).map((p) => exact(p.words)),
	};
}
