/**
 * Which language command-line messages speak: Chinese unless English is asked for, by
 * `--lang en` (set through {@link setMessageLanguage}), `COMPENDIUM_LANG=en`, or an English
 * LC_ALL / LC_MESSAGES / LANG. Editors read Chinese, so an unset or C locale means Chinese.
 */
export type MessageLanguage = 'zh' | 'en';

let chosen: MessageLanguage | undefined;

/**
 * Fixes the language for this process (the `--lang` flag wins over the environment), and
 * for what it loads apart: modules Astro runs through Vite (astro.config.mjs and what it
 * imports) have their own copy of this one and read the environment, as child processes do.
 */
export function setMessageLanguage(language: MessageLanguage): void {
	chosen = language;
	process.env.COMPENDIUM_LANG = language;
}

/** Parses a `--lang` value or a locale name; undefined when it names neither language. */
export function parseMessageLanguage(value: string | undefined): MessageLanguage | undefined {
	if (!value) return undefined;
	const lower = value.toLowerCase();
	if (lower.startsWith('zh')) return 'zh';
	if (lower.startsWith('en')) return 'en';
	return undefined;
}

/** The language messages are printed in now. */
export function messageLanguage(env: NodeJS.ProcessEnv = process.env): MessageLanguage {
	if (chosen) return chosen;
	const explicit = parseMessageLanguage(env.COMPENDIUM_LANG);
	if (explicit) return explicit;
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
	return parseMessageLanguage(locale) ?? 'zh';
}
