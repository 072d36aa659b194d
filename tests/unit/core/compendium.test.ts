import { describe, expect, it } from 'vitest';
import { placementIndex, sortIssues } from '../../../src/lib/compendium/issue-order.ts';
import { relatedCases } from '../../../src/lib/compendium/related.ts';
import { buildRegionTree, flattenRegionTree } from '../../../src/lib/compendium/region-tree.ts';
import { metricRows, unitCounts } from '../../../src/lib/compendium/metrics-table.ts';
import type { CaseRef, IssueRef } from '../../../src/lib/compendium/types.ts';
import type { Case } from '../../../src/schemas/case.ts';
import type { Issue } from '../../../src/schemas/issue.ts';

function caseRef(id: string, code: string, methods: string[], date = '2024-01-01', metrics: Case['metrics'] = []): CaseRef {
	return {
		id,
		data: {
			title: id,
			unit: '单位',
			region: { code },
			methods,
			metrics,
			date: new Date(date),
			source: { publisher: '测试' },
			script: 'hans',
			summary: '摘要',
			status: 'published',
		},
	};
}
function issueRef(id: string, number: number, date: string, cases: string[]): IssueRef {
	const data: Issue = {
		series: '摘编',
		number,
		date: new Date(date),
		organization: '编辑部',
		internal: false,
		status: 'published',
		script: 'hans',
		cases,
	};
	return { id, data };
}

describe('relatedCases', () => {
	const a = caseRef('a', '330822', ['points', 'grid']);
	const b = caseRef('b', '330822', ['points']);
	const c = caseRef('c', '140802', ['points', 'grid'], '2025-01-01');
	const d = caseRef('d', '330881', ['other']);
	const e = caseRef('e', '110105', ['other']);

	it('ranks by shared methods, then same region, then newer', () => {
		const related = relatedCases(a, [a, b, c, d, e]);
		expect(related.map((r) => r.case.id)).toEqual(['c', 'b', 'd']);
		expect(related[0]?.sharedMethods).toEqual(['points', 'grid']);
		expect(related[2]?.sameRegion).toBe(true);
	});

	it('never relates a case to itself or to unrelated cases', () => {
		expect(relatedCases(e, [a, b, c, d, e]).map((r) => r.case.id)).toEqual(['d']);
	});
});

describe('issues', () => {
	const one = issueRef('one', 1, '2024-01-01', ['a', 'b', 'c']);
	const two = issueRef('two', 2, '2024-06-01', ['c', 'd']);

	it('sorts newest first', () => {
		expect(sortIssues([one, two]).map((i) => i.id)).toEqual(['two', 'one']);
	});

	it('indexes each case with its neighbours in every issue', () => {
		const index = placementIndex([one, two]);
		expect(index.get('b')?.map((p) => [p.issue.id, p.previous, p.next])).toEqual([['one', 'a', 'c']]);
		expect(index.get('c')?.map((p) => [p.issue.id, p.previous, p.next])).toEqual([
			['two', undefined, 'd'],
			['one', 'b', undefined],
		]);
		expect(index.get('z')).toBeUndefined();
	});
});

describe('region tree and metrics', () => {
	const cases = [
		caseRef('a', '330822', ['x'], '2024-01-01', [{ label: '好评率', value: 99.5, unit: '%', text: '99.5%' }]),
		caseRef('b', '330803', ['x'], '2024-01-01', [
			{ label: '游客', value: 12000, unit: '人次', text: '1.2万人次' },
			{ label: '满意率', value: 98, unit: '%', text: '98%' },
		]),
		caseRef('c', '140802', ['x']),
	];

	it('counts cases at every level of the hierarchy', () => {
		const tree = buildRegionTree(cases);
		expect(tree.map((n) => [n.division.name, n.count])).toEqual([
			['山西省', 1],
			['浙江省', 2],
		]);
		const zhejiang = tree[1]!;
		expect(zhejiang.children.map((n) => [n.division.name, n.count])).toEqual([['衢州市', 2]]);
		expect(zhejiang.children[0]!.children.map((n) => n.division.name)).toEqual(['衢江区', '常山县']);
		expect(flattenRegionTree(tree)).toHaveLength(7);
	});

	it('lists every figure, grouped by unit and largest first', () => {
		const rows = metricRows(cases);
		expect(rows.map((r) => r.metric.text)).toEqual(['99.5%', '98%', '1.2万人次']);
		expect(unitCounts(rows)).toEqual([
			{ unit: '%', count: 2 },
			{ unit: '人次', count: 1 },
		]);
	});

	it('orders figures as a collation of unit, then value, then case id would', () => {
		const units = ['%', '人次', '个', '個', 'km', 'Km', '元', '亩'];
		const ids = ['case-b', 'Case-a', 'case-10', 'case-9', 'case-é', 'case-e'];
		const many = ids.map((id, i) =>
			caseRef(
				id,
				'330822',
				[],
				'2024-01-01',
				units.map((unit, j) => ({ label: `第${j}`, value: (i * 7 + j * 3) % 5, unit, text: `${(i * 7 + j * 3) % 5}${unit}` })),
			),
		);
		const expected = many
			.flatMap((entry) => entry.data.metrics.map((metric) => ({ caseId: entry.id, metric })))
			.sort((a, b) => a.metric.unit.localeCompare(b.metric.unit) || b.metric.value - a.metric.value || a.caseId.localeCompare(b.caseId));
		expect(metricRows(many).map((r) => [r.metric.unit, r.metric.value, r.caseId])).toEqual(
			expected.map((r) => [r.metric.unit, r.metric.value, r.caseId]),
		);
	});
});
