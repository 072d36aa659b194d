/**
 * Which script a text is written in. A character counts for 简体 when OpenCC would change
 * it converting to 繁體 (and so has a distinct traditional form), and for 繁體 the other
 * way round; characters written alike in both scripts count for neither.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from '../../schemas/script.ts';

/** Which script the text is in, with the counts that decided it. */
export interface ScriptGuess {
	script: Script;
	/** Occurrences of characters only simplified text uses. */
	simplified: number;
	/** Occurrences of characters only traditional text uses. */
	traditional: number;
	/** Neither script clearly dominates (mixed, or too few distinctive characters). */
	uncertain: boolean;
}

let converters: { toTraditional: (s: string) => string; toSimplified: (s: string) => string } | undefined;

/** opencc-js's plain converters (cn ↔ t), built on first use and shared by this module's functions. */
export function scriptConverters() {
	converters ??= {
		toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
		toSimplified: OpenCC.Converter({ from: 't', to: 'cn' }),
	};
	return converters;
}

/** Guesses the script from distinctive characters; a tie or a text without any counts as 简体, flagged uncertain. */
export function detectScript(text: string): ScriptGuess {
	const { toTraditional, toSimplified } = scriptConverters();
	const counts = new Map<string, number>();
	for (const ch of text) if (/\p{Script=Han}/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	let simplified = 0;
	let traditional = 0;
	for (const [ch, n] of counts) {
		if (toTraditional(ch) !== ch) simplified += n;
		else if (toSimplified(ch) !== ch) traditional += n;
	}
	const script: Script = traditional > simplified ? 'hant' : 'hans';
	const major = Math.max(simplified, traditional);
	const minor = Math.min(simplified, traditional);
	return { script, simplified, traditional, uncertain: major < 5 || minor > major * 0.2 };
}

/** Simplified form of a text, for matching against the (simplified) division names and taxonomy. */
export function toSimplified(text: string): string {
	return scriptConverters().toSimplified(text);
}

/** Traditional form (OpenCC plain standard), for messages in a 繁體 document. */
export function toTraditional(text: string): string {
	return scriptConverters().toTraditional(text);
}
