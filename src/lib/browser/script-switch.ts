/**
 * The 简/繁 switch in the browser: remembers the choice for the root redirect and
 * carries the reader's query string and #fragment over to the twin page, so a search
 * result list (or a filtered table, or a compare selection) survives a switch. The
 * link's server-rendered href is the twin's path; without JavaScript it still works.
 */
import { rememberScript } from '../i18n/choose-script.ts';

/** The twin's path with this page's ?query and #hash (both as the browser has them now). */
export function twinWithState(twinHref: string, search: string, hash: string): string {
	const path = twinHref.replace(/[?#].*$/, '');
	return `${path}${search}${hash}`;
}

/** Keeps each 简/繁 link pointing at the twin page with the current query and hash, and remembers the script chosen. */
export function enhanceScriptSwitch(doc: Document): void {
	for (const link of doc.querySelectorAll<HTMLAnchorElement>('[data-script-switch]')) {
		const twin = link.getAttribute('href') ?? '';
		// Pages change their query as the reader works (search, filters): read it at the last moment.
		const refresh = () => link.setAttribute('href', twinWithState(twin, location.search, location.hash));
		for (const event of ['pointerenter', 'focus', 'touchstart', 'contextmenu']) link.addEventListener(event, refresh, { passive: true });
		link.addEventListener('click', () => {
			refresh();
			rememberScript(link.dataset.scriptSwitch === 'hant' ? 'hant' : 'hans');
		});
		refresh();
	}
}
