/**
 * Segmentation for the search index, shared by the indexer (Node) and the search page.
 *
 * Pagefind matches words by prefix only and its Chinese segmentation at index time
 * (jieba) and at query time (Intl.Segmenter) disagree (Pagefind #987, #1237). So the
 * index gets words we made ourselves and Pagefind never segments anything:
 *
 * - A run of Han characters c1…cn becomes the overlapping bigrams c1c2, c2c3, …, c(n-1)cn
 *   followed by the unigram cn. Every character thus starts exactly one word, at its own
 *   position, so a k-character query is the k-1 bigrams at consecutive positions: an
 *   exact-phrase search over bigrams is a substring search. A one-character query
 *   prefix-matches every word starting with it, i.e. every occurrence.
 * - A run of letters or digits is one word, as in any Western index.
 * - Where punctuation or space separates two runs and either is not Han, a FILLER word
 *   (indexed as nothing, but occupying a position) keeps a phrase from matching across
 *   the gap: "县。2023" must not match the query "县2023". Between two Han runs no
 *   filler is needed, since no bigram spans the gap.
 *
 * Input is folded text (see fold.ts).
 *
 * Every word holds only characters Pagefind indexes as they are (letters and digits in
 * Rust's sense, none upper-case), so Pagefind's own word normalisation leaves a word
 * whole: the index writer (pagefind-writer.ts) relies on it. Combining marks that are
 * not letters (accents, variation selectors) are skipped inside a run, as Pagefind drops
 * them from a word; other characters separate runs.
 */

/** Occupies a word position without being indexed: Pagefind drops words with no letter or digit. */
export const FILLER = '|';

/** Letters and digits as Rust's `char::is_alphanumeric` (Pagefind's test of what a word keeps). */
const ALPHANUMERIC = /[\p{Alphabetic}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
const UPPERCASE = /\p{Uppercase}/u;
const MARK = /\p{M}/u;

/**
 * What a character is to segmentation: part of a Han run, part of a letter/digit run, a
 * mark skipped inside a run, or a separator.
 */
export type CharClass = 'han' | 'word' | 'mark' | 'separator';

/**
 * Classifies one code point of folded text. Han radicals and strokes that are not letters
 * separate, like punctuation; so does the odd upper-case letter folding leaves (İ), which
 * Pagefind would split a word at.
 */
export function charClass(char: string): CharClass {
	const code = char.charCodeAt(0);
	// ASCII without the regular expressions: most of what is not Han in a case.
	if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'word' : 'separator';
	if (ALPHANUMERIC.test(char)) return HAN.test(char) ? 'han' : UPPERCASE.test(char) ? 'separator' : 'word';
	return MARK.test(char) ? 'mark' : 'separator';
}

interface Run {
	kind: 'han' | 'word';
	text: string[];
	/** True when separators came between this run and the previous one. */
	separated: boolean;
}

function runs(text: string): Run[] {
	const found: Run[] = [];
	let current: Run | undefined;
	let separated = false;
	for (const char of text) {
		const kind = charClass(char);
		if (kind === 'mark') continue;
		if (kind === 'separator') {
			current = undefined;
			separated = true;
			continue;
		}
		if (!current || current.kind !== kind) {
			current = { kind, text: [], separated: separated && found.length > 0 };
			found.push(current);
			separated = false;
		}
		current.text.push(char);
	}
	return found;
}

/** The words of one Han run: overlapping bigrams, then the last character alone. */
export function hanWords(chars: readonly string[]): string[] {
	const words: string[] = [];
	for (let i = 0; i + 1 < chars.length; i++) words.push(chars[i]! + chars[i + 1]!);
	if (chars.length) words.push(chars[chars.length - 1]!);
	return words;
}

/**
 * The words of a folded text for the index, in order (positions matter). The same runs and
 * bigrams as a query's words (`queryWords`), so what is typed meets what was indexed.
 */
export function indexWords(folded: string): string[] {
	const words: string[] = [];
	let previous: Run | undefined;
	for (const run of runs(folded)) {
		if (previous && run.separated && (run.kind !== 'han' || previous.kind !== 'han')) words.push(FILLER);
		if (run.kind === 'han') words.push(...hanWords(run.text));
		else words.push(run.text.join(''));
		previous = run;
	}
	return words;
}

/** One thing the reader typed between spaces or punctuation, as index words. */
export interface Phrase {
	/** The folded text of the phrase, for highlighting. */
	text: string;
	/** Words at consecutive positions in a matching page. */
	words: string[];
	/**
	 * True when the phrase is a single word to be matched as a prefix (one Han character,
	 * or one run of letters/digits such as a year); false for an exact multi-word phrase.
	 */
	prefix: boolean;
}

/**
 * Splits a folded query into phrases. Within a phrase, the words are what the index holds
 * for that text, except at the end: the index word at the last Han character depends on
 * what follows it in the page (a bigram, or the character alone at the end of a run), so
 * the phrase stops at the last bigram. A lone trailing Han character after letters or
 * digits (2023年) is dropped for the same reason, leaving the phrase a little looser.
 */
export function queryPhrases(folded: string): Phrase[] {
	const phrases: Phrase[] = [];
	let chunk: string[] = [];
	const flush = () => {
		if (chunk.length) phrases.push(phraseOf(chunk.join('')));
		chunk = [];
	};
	for (const char of folded) {
		if (charClass(char) === 'separator') flush();
		else chunk.push(char);
	}
	flush();
	return phrases;
}

function phraseOf(text: string): Phrase {
	const parts = runs(text);
	const words: string[] = [];
	parts.forEach((run, index) => {
		const last = index === parts.length - 1;
		if (run.kind === 'word') {
			words.push(run.text.join(''));
		} else if (!last) {
			words.push(...hanWords(run.text));
		} else if (run.text.length > 1) {
			words.push(...hanWords(run.text).slice(0, -1));
		} else if (parts.length === 1) {
			words.push(run.text[0]!);
		}
		// A lone Han character ending a longer phrase is dropped (see above).
	});
	const single = words.length === 1 && parts.length === 1 && (parts[0]!.kind === 'word' || parts[0]!.text.length === 1);
	return { text, words, prefix: single };
}
