/**
 * Converts frontmatter and interface text (titles, units, labels, region names) into
 * the page's script at build time, with the same rules and glossary as case bodies.
 */
import * as OpenCC from 'opencc-js';
import type { Script } from '../../schemas/script.ts';

let toHant: ((text: string) => string) | undefined;
let toHans: ((text: string) => string) | undefined;

export function toScript(text: string, from: Script, to: Script): string {
	if (from === to || !text) return text;
	if (to === 'hant') {
		toHant ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
		return toHant(text);
	}
	toHans ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
	return toHans(text);
}
