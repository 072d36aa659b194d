/**
 * Browser side of the root redirect and the switch: the reader's remembered choice
 * first, then the browser's language preference, then the site default.
 */
import type { Script } from '../../schemas/script.ts';
import { preferredScript } from './scripts.ts';

export const SCRIPT_STORAGE_KEY = 'compendium-script';

export function rememberedScript(): Script | undefined {
	try {
		const value = localStorage.getItem(SCRIPT_STORAGE_KEY);
		return value === 'hans' || value === 'hant' ? value : undefined;
	} catch {
		return undefined;
	}
}

export function rememberScript(script: Script): void {
	try {
		localStorage.setItem(SCRIPT_STORAGE_KEY, script);
	} catch {
		// Private mode or storage disabled: the switch still works, it is just not remembered.
	}
}

export function chooseScript(fallback: Script): Script {
	return rememberedScript() ?? preferredScript(navigator.languages ?? [navigator.language], fallback);
}
