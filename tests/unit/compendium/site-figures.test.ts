/**
 * The totals of the home, method browse and data pages, which are also what their cache keys
 * digest: each count follows the cases it is made of, and ignores what it does not count.
 */
import { describe, expect, it } from 'vitest';
import { dataFileRows, methodUsage, siteFigures } from '../../../src/lib/compendium/site-figures.ts';
import type { CaseRef } from '../../../src/lib/compendium/types.ts';

/** The frontmatter every test case shares; each test sets what it counts. */
const shared = { unit: '单位', source: { publisher: '测试' }, script: 'hans', summary: '摘要', status: 'published' };

function ref(id: string, code: string, methods: string[], metrics = 0, date = '2024-01-01'): CaseRef {
	const figures = Array.from({ length: metrics }, (_, i) => ({ label: `指标${i}`, value: i, unit: '个', text: `${i}个` }));
	return { id, data: { ...shared, title: id, region: { code }, methods, metrics: figures, date: new Date(date) } } as unknown as CaseRef;
}

describe('methodUsage', () => {
	it('counts each case once per method it lists', () => {
		const usage = methodUsage([ref('a', '330822', ['grid', 'points']), ref('b', '330881', ['grid', 'grid']), ref('c', '140802', [])]);
		expect(Object.fromEntries(usage)).toEqual({ grid: 2, points: 1 });
	});
});

describe('siteFigures', () => {
	const cases = [ref('a', '330822', ['grid'], 2), ref('b', '330822', ['points'], 1), ref('c', '140802', ['grid'], 0)];

	it('counts cases, issues, counties with cases, methods in use of the taxonomy, and figures', () => {
		expect(siteFigures(cases, 4, ['grid', 'points', 'unused'])).toEqual({ cases: 3, issues: 4, counties: 2, methodsInUse: 2, figures: 3 });
	});

	it('does not count a method outside the taxonomy', () => {
		expect(siteFigures(cases, 4, ['grid']).methodsInUse).toBe(1);
	});

	it('is the same when only a date or the order of the cases changes (the page and its key stay)', () => {
		const moved = [ref('c', '140802', ['grid'], 0, '2019-05-01'), ref('a', '330822', ['grid'], 2), ref('b', '330822', ['points'], 1)];
		expect(siteFigures(moved, 4, ['grid', 'points'])).toEqual(siteFigures(cases, 4, ['grid', 'points']));
	});

	it('changes when a case moves to a county without cases', () => {
		const moved = [ref('a', '330822', ['grid'], 2), ref('b', '330881', ['points'], 1), ref('c', '140802', ['grid'], 0)];
		expect(siteFigures(moved, 4, []).counties).toBe(3);
	});
});

describe('dataFileRows', () => {
	it('counts one row per record and one per figure', () => {
		expect(dataFileRows([{ metrics: [1, 2] }, {}, { metrics: [3] }])).toEqual({ cases: 3, metrics: 3 });
		expect(dataFileRows([])).toEqual({ cases: 0, metrics: 0 });
	});
});
