/**
 * Folding: the one form both the index and every query are reduced to before matching,
 * so that 简体 and 繁體 (and full-width letters, capitals, variant forms) meet.
 *
 * Folding works character by character and never changes the length of a text: the
 * same function runs in Node over the corpus and in the browser over the query, and
 * excerpts can map a match in folded text straight back onto the text as displayed.
 * It is for matching only; what a reader sees is always converted properly (phrases,
 * glossary) at build time.
 */

/** Traditional or variant character → the character it folds to (both single code points). */
export type FoldMap = ReadonlyMap<string, string>;

/** Full-width forms, compatibility ideographs and the like, when they stand for one character. */
function compatibilityForm(char: string): string {
	const normalized = char.normalize('NFKC');
	return [...normalized].length === 1 ? normalized : char;
}

/** Folds one character (a full code point). */
export function foldChar(char: string, map: FoldMap): string {
	const code = char.codePointAt(0)!;
	// Fast paths for the two common cases: ASCII, and the main block of ideographs.
	if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
	if (code >= 0x4e00 && code <= 0x9fff) return map.get(char) ?? char;
	const plain = compatibilityForm(char).toLowerCase();
	// Lower-casing can lengthen a few letters (İ → i̇); keep the length instead.
	const single = [...plain].length === 1 ? plain : char;
	return map.get(single) ?? single;
}

/**
 * Folds a text. The result has exactly as many code points as the input, so offsets in
 * code points carry over between the two.
 */
export function foldText(text: string, map: FoldMap): string {
	let out = '';
	for (const char of text) out += foldChar(char, map);
	return out;
}

/**
 * The compact form of a fold map shipped to the search page: source and target code
 * points alternating, e.g. "們们國国". Plain text, so it gzips well and parses in one pass.
 */
export function serializeFoldMap(map: FoldMap): string {
	let out = '';
	for (const [from, to] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out += from + to;
	return out;
}

/** Reads back a fold map in `serializeFoldMap`'s form; throws on an odd number of characters. */
export function parseFoldMap(serialized: string): FoldMap {
	const chars = [...serialized.trim()];
	if (chars.length % 2 !== 0) {
		throw new Error(`fold table: expected pairs of characters, found an odd count (${chars.length})`);
	}
	const map = new Map<string, string>();
	for (let i = 0; i < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
	return map;
}
