/**
 * 对比 buttons on case cards and case pages, and the tray that links to the compare
 * page with the current selection. Buttons and tray are in the HTML but hidden until
 * this runs (they need JavaScript); the selection lives in localStorage.
 */
import { COMPARE_STORAGE_KEY, compareHref, parseSelection, serializeSelection, toggleSelection } from '../compare/selection.ts';

/** The stored compare selection; empty when storage is unavailable or holds nothing valid. */
export function readSelection(): string[] {
	try {
		return parseSelection(localStorage.getItem(COMPARE_STORAGE_KEY));
	} catch {
		return [];
	}
}

/** Stores the compare selection, shared by every page and tab. */
export function writeSelection(ids: readonly string[]): void {
	try {
		localStorage.setItem(COMPARE_STORAGE_KEY, serializeSelection(ids));
	} catch {
		// Storage disabled: the selection lasts for this page only.
	}
}

/** Shows the 对比 buttons and keeps their pressed state and the tray in step with the stored selection, across tabs too. */
export function enhanceCompareButtons(doc: Document): void {
	const tray = doc.querySelector<HTMLElement>('[data-compare-tray]');
	const buttons = [...doc.querySelectorAll<HTMLButtonElement>('[data-compare-id]')];
	if (!tray) return;
	const link = tray.querySelector<HTMLAnchorElement>('a')!;
	const count = tray.querySelector<HTMLElement>('[data-compare-count]')!;
	const note = tray.querySelector<HTMLElement>('[data-compare-note]')!;
	const clear = tray.querySelector<HTMLButtonElement>('[data-compare-clear]')!;
	const comparePath = link.pathname;
	let ids = readSelection();
	const show = () => {
		for (const button of buttons) {
			button.hidden = false;
			button.setAttribute('aria-pressed', String(ids.includes(button.dataset.compareId!)));
		}
		count.textContent = (tray.dataset.countTemplate ?? '{0}').replace('{0}', String(ids.length));
		link.href = compareHref(comparePath, ids);
		// The compare page is where the tray leads: it does not show there.
		tray.hidden = ids.length === 0 || location.pathname === comparePath;
	};
	for (const button of buttons) {
		button.addEventListener('click', () => {
			const result = toggleSelection(ids, button.dataset.compareId!);
			note.textContent = result.full ? (tray.dataset.fullMessage ?? '') : '';
			ids = result.ids;
			writeSelection(ids);
			show();
		});
	}
	clear.addEventListener('click', () => {
		ids = [];
		writeSelection(ids);
		note.textContent = '';
		show();
	});
	// Another tab (or the compare page) may change the selection.
	addEventListener('storage', (event) => {
		if (event.key !== COMPARE_STORAGE_KEY) return;
		ids = readSelection();
		show();
	});
	show();
}
