import { describe, expect, it } from 'vitest';
import { COMPARE_MAX, compareHref, pageSelection, parseSelection, toggleSelection } from '../../../src/lib/compare/selection.ts';
import { compareTable, sharedUnits, type ComparableCase } from '../../../src/lib/compare/table.ts';

describe('compare selection', () => {
	it('parses ids: trimmed, unique, valid, at most four', () => {
		expect(parseSelection(' a, b ,a,,c-1,d_2,e')).toEqual(['a', 'b', 'c-1', 'd_2']);
		expect(parseSelection('a,<script>,b')).toEqual(['a', 'b']);
		expect(parseSelection(null)).toEqual([]);
	});

	it('toggles, and refuses a fifth case', () => {
		let ids: string[] = [];
		for (const id of ['a', 'b', 'c', 'd']) ids = toggleSelection(ids, id).ids;
		expect(ids).toHaveLength(COMPARE_MAX);
		const fifth = toggleSelection(ids, 'e');
		expect(fifth).toEqual({ ids, added: false, full: true });
		expect(toggleSelection(ids, 'b').ids).toEqual(['a', 'c', 'd']);
	});

	it('prefers the URL (a shared link) over storage, even an empty one', () => {
		expect(pageSelection('?cases=x,y', 'a,b')).toEqual(['x', 'y']);
		expect(pageSelection('', 'a,b')).toEqual(['a', 'b']);
		expect(pageSelection('?cases=', 'a,b')).toEqual([]);
	});

	it('builds the shareable address', () => {
		expect(compareHref('/zh-hans/compare/', ['a', 'b'])).toBe('/zh-hans/compare/?cases=a,b');
		expect(compareHref('/zh-hans/compare/', [])).toBe('/zh-hans/compare/');
	});
});

const metric = (text: string, value: number, unit: string, label: string) => ({ text, value, unit, label });
const base = {
	url: 'https://example.gov.cn/x/',
	unit: '县委组织部',
	date: '2024-12-07',
	summary: '摘要',
	region: { name: '浙江省衢州市常山县' },
	methodNames: ['网格化'],
};
const cases: ComparableCase[] = [
	{ ...base, id: 'a', title: '甲', metrics: [metric('1.2万人次', 12000, '人次', '走访'), metric('58.3%', 58.3, '%', '好评率')] },
	{ ...base, id: 'b', title: '乙', metrics: [metric('300余人次', 300, '人次', '培训')] },
	{ ...base, id: 'c', title: '丙', metrics: [] },
];

describe('compare table', () => {
	it('puts units most cases share first', () => {
		expect(sharedUnits(cases)).toEqual(['人次', '%']);
	});

	it('aligns figures by unit, one column per case, empty where a case has none', () => {
		const table = compareTable(cases, { region: '地区', unit: '单位', methods: '做法', date: '日期', summary: '摘要', figures: '数据（{0}）' });
		expect(table.columns.map((c) => c.id)).toEqual(['a', 'b', 'c']);
		const byKey = new Map(table.rows.map((r) => [r.key, r]));
		expect(byKey.get('unit:人次')?.label).toBe('数据（人次）');
		expect(byKey.get('unit:人次')?.cells).toEqual([['1.2万人次　走访'], ['300余人次　培训'], []]);
		expect(byKey.get('unit:%')?.cells).toEqual([['58.3%　好评率'], [], []]);
		expect(byKey.get('date')?.cells[0]).toEqual(['2024年12月7日']);
		expect(table.rows.map((r) => r.key)).toEqual(['region', 'unit', 'methods', 'date', 'unit:人次', 'unit:%', 'summary']);
	});
});
