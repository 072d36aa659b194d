/**
 * 大字/适老化 reading mode: larger type, higher contrast, bigger tap targets, one column.
 * The mode is an attribute on <html> (data-reading="large"). A tiny inline script in
 * <head> (READING_MODE_BOOT, below) sets it before the first paint from ?large=1/0 or
 * the remembered choice, so pages never flash in the wrong size; the header toggle
 * flips it and remembers the choice in localStorage across pages.
 */

/** The localStorage key of the remembered mode; the boot script reads it too. */
export const READING_STORAGE_KEY = 'compendium-reading';
/** The URL parameter that switches the mode (?large=1 or ?large=0). */
export const READING_PARAM = 'large';
/** The two reading modes; `normal` is the default size. */
export type ReadingMode = 'large' | 'normal';

/** The mode a URL asks for (?large=1 or ?large=0), if it asks. */
export function readingModeFromParam(search: string): ReadingMode | undefined {
	const value = new URLSearchParams(search).get(READING_PARAM);
	if (value === null) return undefined;
	return value === '0' || value === 'false' || value === 'off' ? 'normal' : 'large';
}

/**
 * The boot script inlined into every page's <head>: a URL parameter wins (and is
 * remembered), then the stored choice. It also marks <html> with "js" so controls that
 * need JavaScript show only when it runs. Kept as a string so it is inlined verbatim.
 */
export const READING_MODE_BOOT = `(function(d){var r=d.documentElement,m;r.classList.add('js');try{var p=new URLSearchParams(location.search).get('${READING_PARAM}');if(p!==null){m=/^(0|false|off)$/.test(p)?'normal':'large';localStorage.setItem('${READING_STORAGE_KEY}',m)}else{m=localStorage.getItem('${READING_STORAGE_KEY}')}}catch(e){}if(m==='large')r.dataset.reading='large'})(document)`;

function store(mode: ReadingMode): void {
	try {
		localStorage.setItem(READING_STORAGE_KEY, mode);
	} catch {
		// Storage disabled: the mode still applies to this page.
	}
}

/** Wires the header toggle (a button with aria-pressed). */
export function enhanceReadingToggle(doc: Document): void {
	const root = doc.documentElement;
	for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-reading-toggle]')) {
		const show = () => button.setAttribute('aria-pressed', String(root.dataset.reading === 'large'));
		show();
		button.addEventListener('click', () => {
			const large = root.dataset.reading !== 'large';
			if (large) root.dataset.reading = 'large';
			else delete root.dataset.reading;
			store(large ? 'large' : 'normal');
			// A ?large= parameter in the address would override the choice on reload.
			const url = new URL(location.href);
			if (url.searchParams.has(READING_PARAM)) {
				url.searchParams.delete(READING_PARAM);
				history.replaceState(history.state, '', url);
			}
			for (const other of doc.querySelectorAll('[data-reading-toggle]')) other.setAttribute('aria-pressed', String(large));
		});
	}
}
