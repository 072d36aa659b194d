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

/**
 * Short texts recur on every page (the site title, region and method names, issue series,
 * labels): each is converted once per converter and looked up after. Long texts (summaries)
 * are converted as they come, so the memo stays small.
 */
const MEMO_MAX_LENGTH = 64;
const memos = new WeakMap<ScriptConverter, Map<string, string>>();

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
	const active = current();
	if (text.length > MEMO_MAX_LENGTH) return active.convert(text, from, to);
	let memo = memos.get(active);
	if (!memo) memos.set(active, (memo = new Map()));
	const key = `${to}${text}`;
	let converted = memo.get(key);
	if (converted === undefined) {
		converted = active.convert(text, from, to);
		memo.set(key, converted);
	}
	return converted;
}
