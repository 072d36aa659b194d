/**
 * Converts frontmatter and interface text (titles, units, labels, region names) into
 * the page's script at build time, with the same converter, standard and glossary as
 * case bodies (src/lib/convert).
 */
import type { Script } from '../../schemas/script.ts';
import type { ScriptConverter } from '../convert/converter.ts';
import { siteConverter } from '../convert/site-converter.ts';

let converter: ScriptConverter | undefined;
let checkedAt = 0;

/** The site converter, re-checked at most once a second (the dev server may edit the glossary). */
function current(): ScriptConverter {
	const now = Date.now();
	if (!converter || now - checkedAt > 1000) {
		converter = siteConverter();
		checkedAt = now;
	}
	return converter;
}

/** Text written in `from` as it reads in `to` (OpenCC with the site's standard and glossary); unchanged when the scripts agree. */
export function toScript(text: string, from: Script, to: Script): string {
	if (from === to || !text) return text;
	return current().convert(text, from, to);
}
