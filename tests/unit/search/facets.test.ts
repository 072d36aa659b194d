import { describe, expect, it } from 'vitest';
import { decodePagefindPayload, encodeCbor } from '../../../src/lib/search/pagefind-format.ts';
import { applyFilters, countFacets, facetChoices, facetTable, type FacetTables } from '../../../src/lib/search/facets.ts';

// Five pages: 0–2 in 山西 (140000), 3–4 in 浙江 (330000); methods overlap.
const tables: FacetTables = {
	province: facetTable(
		[
			'province',
			[
				['140000', [0, 1, 2]],
				['330000', [3, 4]],
			],
		],
		5,
	),
	method: facetTable(
		[
			'method',
			[
				['a', [0, 3]],
				['b', [0, 1, 4]],
			],
		],
		5,
	),
	year: facetTable(
		[
			'year',
			[
				['2021', [0, 1, 3]],
				['2024', [2, 4]],
			],
		],
		5,
	),
};

describe('facets', () => {
	it('keeps the pages that carry every chosen value, in their order', () => {
		expect(applyFilters([4, 3, 2, 1, 0], { province: '140000', method: 'b' }, tables)).toEqual([1, 0]);
		expect(applyFilters([4, 0], {}, tables)).toEqual([4, 0]);
	});

	it('counts each facet without its own choice', () => {
		const counts = countFacets([0, 1, 2, 3, 4], { province: '140000' }, tables);
		expect(counts.province).toEqual({ '140000': 3, '330000': 2 });
		expect(counts.method).toEqual({ a: 1, b: 2 });
		expect(counts.year).toEqual({ '2021': 2, '2024': 1 });
		expect(countFacets([3], {}, tables).method).toEqual({ a: 1 });
	});

	it('lists the values that leave results, and only the chosen one past the limit', () => {
		const counts = { a: 3, b: 0, c: 1, d: 2 };
		expect(facetChoices(counts, '', 3)).toEqual({ values: ['a', 'c', 'd'], withheld: 0 });
		// A chosen value stays listed even when nothing is left with it.
		expect(facetChoices(counts, 'b', 3)).toEqual({ values: ['a', 'b', 'c', 'd'], withheld: 0 });
		expect(facetChoices(counts, 'x', 3).values).toContain('x');
		expect(facetChoices(counts, '', 2)).toEqual({ values: [], withheld: 3 });
		expect(facetChoices(counts, 'a', 1)).toEqual({ values: ['a'], withheld: 2 });
		expect(facetChoices(undefined, '', 2)).toEqual({ values: [], withheld: 0 });
	});

	it('reads the filter file format', () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...encodeCbor(['year', [['2021', [2, 0]]]])]);
		const table = facetTable(decodePagefindPayload(bytes), 3);
		expect([...table.pages.get('2021')!]).toEqual([0, 2]);
		expect(() => decodePagefindPayload(new Uint8Array(16))).toThrow(/Pagefind file/);
	});
});
