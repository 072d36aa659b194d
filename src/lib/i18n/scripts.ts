/**
 * The two scripts as they appear in URLs, <html lang> and hreflang. Pure: used by pages,
 * the root redirect, the search index and the tests alike.
 */
import type { Script } from '../../schemas/script.ts';

/** The URL segment of each script's pages (/zh-hans/, /zh-hant/). */
export const SCRIPT_SEGMENT: Record<Script, string> = { hans: 'zh-hans', hant: 'zh-hant' };
/** BCP 47 language tag of each script, for <html lang> and hreflang. */
export const SCRIPT_LANG: Record<Script, string> = { hans: 'zh-Hans', hant: 'zh-Hant' };
/** Label of the script in itself, for the switch. */
export const SCRIPT_NAME: Record<Script, string> = { hans: '简体', hant: '繁體' };
/** One-character label of each script, for the 简/繁 switch. */
export const SCRIPT_SHORT: Record<Script, string> = { hans: '简', hant: '繁' };

/** The script a page's twin is in. */
export function otherScript(script: Script): Script {
	return script === 'hans' ? 'hant' : 'hans';
}

/** Which script a URL path is in, from its first segment after the base. */
export function scriptOfPath(pathname: string, base = '/'): Script | undefined {
	const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
	const segment = rest.replace(/^\/+/, '').split('/')[0];
	if (segment === SCRIPT_SEGMENT.hans) return 'hans';
	if (segment === SCRIPT_SEGMENT.hant) return 'hant';
	return undefined;
}

/**
 * The script a browser prefers, from navigator.languages-style tags: zh-TW, zh-HK,
 * zh-MO and zh-Hant read traditional; other Chinese tags simplified.
 */
export function preferredScript(languages: readonly string[], fallback: Script): Script {
	for (const tag of languages) {
		const lower = tag.toLowerCase();
		if (!lower.startsWith('zh')) continue;
		if (/hant|-tw|-hk|-mo/.test(lower)) return 'hant';
		return 'hans';
	}
	return fallback;
}
