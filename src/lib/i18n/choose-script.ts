/**
 * Browser side of the root redirect and the switch: the reader's remembered choice
 * first, then the browser's language preference, then the site default.
 */
import type { Script } from '../../schemas/script.ts';
import { preferredScript } from './scripts.ts';

/** The localStorage key under which the reader's chosen script is kept. */
export const SCRIPT_STORAGE_KEY = 'compendium-script';

/** The script the reader chose before, if storage holds one. */
export function rememberedScript(): Script | undefined {
	try {
		const value = localStorage.getItem(SCRIPT_STORAGE_KEY);
		return value === 'hans' || value === 'hant' ? value : undefined;
	} catch {
		return undefined;
	}
}

/** Keeps the reader's choice for their next visit. */
export function rememberScript(script: Script): void {
	try {
		localStorage.setItem(SCRIPT_STORAGE_KEY, script);
	} catch {
		// Private mode or storage disabled: the switch still works, it is just not remembered.
	}
}

/** The script to send the reader to: remembered, else the browser's preference, else `fallback`. */
export function chooseScript(fallback: Script): Script {
	return rememberedScript() ?? preferredScript(navigator.languages ?? [navigator.language], fallback);
}
