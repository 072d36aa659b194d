/**
 * The chunk list of pf_meta: for each word chunk, the first and last word of the range of
 * terms it answers, and its file's name. Every search downloads pf_meta before its first
 * result, and at 10,000 cases its 2,378 chunks' first words (a CJK bigram each) were a fifth
 * of it gzipped. So where it changes no search's result, a chunk's range starts just after
 * the previous chunk's last word (that word and a NUL character) instead of at its own first
 * word: the same bytes as the word before it, which gzip codes as a short back-reference
 * (2.0 KB less of pf_meta at 10,000 cases, after Zopfli).
 *
 * Why the results stay the same. Pagefind 1.6's wasm loads, for each term, every chunk whose
 * range holds it (`request_indexes`); chunks are sorted and their ranges stay disjoint, so a
 * word of the index is answered by the chunk that holds it, as before. What changes is a
 * term between two chunks, which is in no chunk: Pagefind found no range for it and tried
 * every chunk that may hold words it begins; now the range of the chunk after it holds it.
 * The search page searches such a term only
 * - as part of a phrase (an exact search decides the matches, and a word in no chunk makes
 *   them none either way),
 * - or as a prefix (one Han character, or a run of letters and digits): Pagefind found its
 *   extensions in every chunk that begins with it; now in the chunk after the gap only. So
 *   the start is moved only where no extension of a term in the gap begins the next chunk
 *   too, and only after a word of Han characters (runs of Latin letters and digits sort
 *   before those, so the gaps they fall in keep their ranges).
 * A searched term in a gap now loads the chunk after it rather than Pagefind's guess; a later
 * prefix search also looks at words of chunks loaded before, which Pagefind does too.
 * tests/unit/search/pagefind-wasm.test.ts searches an index both ways.
 */
import type { CborValue } from './pagefind-format.ts';

/** A chunk of the index: its first and last word. */
export interface ChunkRange {
	from: string;
	to: string;
}

/** A chunk's file name (index/<name>.pf_index): its number in decimal, which gzips smaller in pf_meta than base 36. */
export const chunkName = (number: number) => String(number);

const HAN_WORD = /^\p{Script=Han}+$/u;

/** Whether chunk `i`'s range may start right after chunk `i - 1`'s last word (see above). */
function mayStartAfterPrevious(chunks: readonly ChunkRange[], i: number): boolean {
	const previous = chunks[i - 1]!.to;
	if (!HAN_WORD.test(previous)) return false;
	const first = [...chunks[i]!.from];
	const next = chunks[i + 1]?.from;
	if (next === undefined) return true;
	// A term in the gap that begins this chunk's first word, and the next chunk's too.
	for (let length = 1; length < first.length; length++) {
		const prefix = first.slice(0, length).join('');
		if (prefix > previous && next.startsWith(prefix)) return false;
	}
	return true;
}

/** pf_meta's chunk list ([first, last, name] per chunk, in order) for chunks in word order. */
export function metaChunkList(chunks: readonly ChunkRange[]): CborValue[] {
	return chunks.map(({ from, to }, i): CborValue => [i > 0 && mayStartAfterPrevious(chunks, i) ? `${chunks[i - 1]!.to}\0` : from, to, chunkName(i)]);
}
