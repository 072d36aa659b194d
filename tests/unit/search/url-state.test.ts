import { describe, expect, it } from 'vitest';
import { parseSearchState, serializeSearchState, withFilter } from '../../../src/lib/search/url-state.ts';

describe('search state in the URL', () => {
	it('reads query, filters and sort, and writes them back the same', () => {
		const query = '?q=%E6%9E%AB%E6%A1%A5%E7%BB%8F%E9%AA%8C&province=430000&county=431230&method=points-system&year=2023&sort=newest';
		const state = parseSearchState(new URLSearchParams(query));
		expect(state).toEqual({
			q: '枫桥经验',
			filters: { province: '430000', county: '431230', method: 'points-system', year: '2023' },
			sort: 'newest',
		});
		expect(serializeSearchState(state)).toBe(query);
		expect(parseSearchState(new URLSearchParams(serializeSearchState(state)))).toEqual(state);
	});

	it('ignores unknown sorts and empty fields, and leaves defaults out', () => {
		const state = parseSearchState(new URLSearchParams('q=&province=&sort=random&foo=1'));
		expect(state).toEqual({ q: '', filters: {}, sort: 'relevance' });
		expect(serializeSearchState(state)).toBe('');
	});

	it('drops finer places that no longer fit a new province or city', () => {
		const state = { q: '', filters: { province: '430000', city: '431200', county: '431230' }, sort: 'relevance' as const };
		expect(withFilter(state, 'province', '330000').filters).toEqual({ province: '330000' });
		expect(withFilter(state, 'city', '430400').filters).toEqual({ province: '430000', city: '430400' });
		expect(withFilter(state, 'province', '').filters).toEqual({});
		expect(withFilter(state, 'year', '2023').filters).toEqual({ ...state.filters, year: '2023' });
	});
});
