/**
 * Builds the character fold map from OpenCC's dictionaries (Node only, at index time).
 *
 * A character folds to what OpenCC's Taiwan or Hong Kong → mainland conversion makes of
 * it alone (variants first, then 繁→简), repeated until it stops changing. Characters that
 * the site's 简→繁 conversion (to tw, hk or t, as content/site.yaml chooses) maps onto
 * each other are then merged, so a page and its twin always fold alike: 馀 and 餘 both
 * fold to 余, 著 and 着 to 着, 麼 and 么 to 幺.
 *
 * The browser gets only the part of this map it can need: characters whose folded form
 * occurs in the index (see `browserFoldMap`).
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { writeFileAtomically } from '../files/write-atomically.ts';
import { foldKey, parseFoldMap, serializeFoldMap, type FoldMap } from './fold.ts';

/** CJK ideograph blocks: unified, extension A, compatibility, and the supplementary planes. */
const IDEOGRAPH_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xf900, 0xfaff],
	[0x20000, 0x2fa1f],
];

const isSingle = (text: string) => [...text].length === 1;

function* ideographs(): Generator<string> {
	for (const [from, to] of IDEOGRAPH_RANGES) {
		for (let cp = from; cp <= to; cp++) yield String.fromCodePoint(cp);
	}
}

let cached: FoldMap | undefined;

/** The full fold map (about 4,000 entries); built once per process in about 0.3 s. */
export function fullFoldMap(): FoldMap {
	if (cached) return cached;
	const fromTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
	const fromHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
	// Every traditional standard the office may choose (content/site.yaml `traditional`).
	const toTraditional = (['tw', 'hk', 't'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

	const step = (char: string) => {
		const viaTw = fromTw(char);
		if (viaTw !== char && isSingle(viaTw)) return viaTw;
		const viaHk = fromHk(char);
		return isSingle(viaHk) ? viaHk : char;
	};
	const settle = (char: string) => {
		let current = char;
		for (let i = 0; i < 6; i++) {
			const next = step(current);
			if (next === current) break;
			current = next;
		}
		return current;
	};

	const folded = new Map<string, string>();
	for (const char of ideographs()) {
		const normalized = char.normalize('NFKC');
		const base = isSingle(normalized) ? normalized : char;
		const target = settle(base);
		if (target !== char) folded.set(char, target);
	}
	const fold = (char: string) => folded.get(char) ?? char;

	// Union the classes the site's 简→繁 conversion links, preferring the fold of the
	// traditional form as the class's representative.
	const parent = new Map<string, string>();
	const find = (char: string): string => {
		let root = char;
		while (parent.has(root)) root = parent.get(root)!;
		return root;
	};
	for (const simplified of ideographs()) {
		for (const convert of toTraditional) {
			const traditional = convert(simplified);
			if (traditional === simplified || !isSingle(traditional)) continue;
			const a = find(fold(simplified));
			const b = find(fold(traditional));
			if (a !== b) parent.set(a, b);
		}
	}

	const map = new Map<string, string>();
	for (const char of ideographs()) {
		const target = find(fold(char));
		if (target !== char) map.set(char, target);
	}
	cached = map;
	return map;
}

/**
 * The full fold map, kept in `file` for the next build: it depends on nothing but the code
 * and OpenCC's dictionaries, so `codeKey` (a digest of the code and the lockfile) says
 * whether the kept one still holds; building it costs seconds on a busy machine.
 */
export function storedFoldMap(file: string, codeKey: string): FoldMap {
	try {
		const [key, serialized] = readFileSync(file, 'utf8').split('\n');
		if (key === codeKey && serialized) {
			const map = parseFoldMap(serialized);
			if (map.size) return map;
		}
	} catch {
		// None kept yet: build it.
	}
	const map = fullFoldMap();
	writeFileAtomically(file, `${codeKey}\n${serializeFoldMap(map)}`);
	return map;
}

/**
 * The entries a search page needs: those whose target occurs in the folded index. A
 * query character outside this map either is already folded or can match nothing. Nor
 * does it need an entry `foldChar` never looks up: a compatibility ideograph (豈, U+F900)
 * is looked up by its unified form (`foldKey`), whose own entry answers it; a third of the
 * entries at 10,000 cases, 0.9 KB of the manifest every search fetches first. (An ideograph
 * has no case, so no other character's key is one of these.)
 */
export function browserFoldMap(full: FoldMap, indexedChars: ReadonlySet<string>): FoldMap {
	const map = new Map<string, string>();
	for (const [from, to] of full) if (indexedChars.has(to) && foldKey(from) === from) map.set(from, to);
	return map;
}
