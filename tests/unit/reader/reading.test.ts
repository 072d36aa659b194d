import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { READING_MODE_BOOT, READING_STORAGE_KEY, readingModeFromParam } from '../../../src/lib/browser/reading-mode.ts';
import { twinWithState } from '../../../src/lib/browser/script-switch.ts';

/** Runs the <head> boot script against a fake page and returns what it set. */
function boot(search: string, stored: string | null) {
	const storage = new Map<string, string>(stored === null ? [] : [[READING_STORAGE_KEY, stored]]);
	const classes = new Set<string>();
	const dataset: Record<string, string> = {};
	const document = { documentElement: { classList: { add: (c: string) => classes.add(c) }, dataset } };
	runInNewContext(READING_MODE_BOOT, {
		document,
		location: { search },
		URLSearchParams,
		localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
	});
	return { large: dataset.reading === 'large', js: classes.has('js'), stored: storage.get(READING_STORAGE_KEY) };
}

describe('大字 boot script', () => {
	it('turns the mode on from ?large=1 and remembers it', () => {
		expect(boot('?large=1', null)).toEqual({ large: true, js: true, stored: 'large' });
	});
	it('turns it off from ?large=0 even when remembered', () => {
		expect(boot('?large=0', 'large')).toEqual({ large: false, js: true, stored: 'normal' });
	});
	it('uses the remembered choice without a parameter', () => {
		expect(boot('?q=党建', 'large').large).toBe(true);
		expect(boot('', null).large).toBe(false);
	});
	it('agrees with readingModeFromParam', () => {
		for (const search of ['?large=1', '?large=0', '?large=off', '?large=', '?q=x', '']) {
			const expected = readingModeFromParam(search);
			const result = boot(search, null);
			expect(result.large, search).toBe(expected === 'large');
			expect(result.stored, search).toBe(expected);
		}
	});
});

describe('简/繁 switch', () => {
	it('keeps the query string and fragment', () => {
		expect(twinWithState('/zh-hant/search/', '?q=%E5%85%9A%E5%BB%BA&province=430000', '#search-results')).toBe(
			'/zh-hant/search/?q=%E5%85%9A%E5%BB%BA&province=430000#search-results',
		);
		expect(twinWithState('/zh-hant/search/?old=1#x', '', '')).toBe('/zh-hant/search/');
	});
});
