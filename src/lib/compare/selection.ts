/**
 * The compare selection: 2–4 case ids, kept in the compare page's URL (?cases=a,b,c)
 * so a comparison can be shared, and in localStorage so it follows the reader from
 * page to page. Pure: parsing, toggling and choosing between URL and storage.
 */

/** The compare page's URL parameter holding the selection (?cases=a,b,c). */
export const COMPARE_PARAM = 'cases';
/** The localStorage key of the remembered selection. */
export const COMPARE_STORAGE_KEY = 'compendium-compare';
/** Fewest cases worth comparing: with fewer, the page asks for more. */
export const COMPARE_MIN = 2;
/** Most cases in a selection; more would not fit side by side. */
export const COMPARE_MAX = 4;

/** Case ids are file names: letters, digits, hyphens, underscores (and / for folders). */
const CASE_ID = /^[\w-]+(?:\/[\w-]+)*$/;

/** Ids from "a,b,c" (URL or storage): trimmed, valid, unique, at most four, in order. */
export function parseSelection(value: string | null | undefined): string[] {
	if (!value) return [];
	const ids: string[] = [];
	for (const raw of value.split(',')) {
		const id = raw.trim();
		if (id && CASE_ID.test(id) && !ids.includes(id)) ids.push(id);
		if (ids.length === COMPARE_MAX) break;
	}
	return ids;
}

/** The selection as stored and put in the URL: ids joined by commas. */
export function serializeSelection(ids: readonly string[]): string {
	return ids.join(',');
}

/** The outcome of a toggle: the new ids, whether the id was added, and whether it was refused because the selection is full. */
export type ToggleResult = { ids: string[]; added: boolean; full: boolean };

/** Adds the id, or removes it if already chosen; a fifth id is refused (full). */
export function toggleSelection(ids: readonly string[], id: string): ToggleResult {
	if (ids.includes(id)) return { ids: ids.filter((x) => x !== id), added: false, full: false };
	if (ids.length >= COMPARE_MAX) return { ids: [...ids], added: false, full: true };
	return { ids: [...ids, id], added: true, full: false };
}

/**
 * What the compare page shows: the URL's selection when it has one (a shared link),
 * otherwise the remembered one.
 */
export function pageSelection(search: string, stored: string | null): string[] {
	const fromUrl = new URLSearchParams(search).get(COMPARE_PARAM);
	return fromUrl !== null ? parseSelection(fromUrl) : parseSelection(stored);
}

/** The compare page's address for a selection, under its path. */
export function compareHref(comparePath: string, ids: readonly string[]): string {
	return ids.length ? `${comparePath}?${COMPARE_PARAM}=${ids.map(encodeURIComponent).join(',')}` : comparePath;
}
