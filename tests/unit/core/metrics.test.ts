import { describe, expect, it } from 'vitest';
import { findFigures, parseFigure } from '../../../src/lib/metrics.ts';

describe('parseFigure', () => {
	it.each([
		['1.2万人次', 12000, '人次', undefined],
		['上万次', 10000, '次', '上万'],
		['58.3%', 58.3, '%', undefined],
		['2.54亿元', 254000000, '元', undefined],
		['1.02亿元', 102000000, '元', undefined],
		['500万元', 5000000, '元', undefined],
		['336件', 336, '件', undefined],
		['138亩', 138, '亩', undefined],
		['300余人', 300, '人', '余'],
		['10余个', 10, '个', '余'],
		['近3000户', 3000, '户', '近'],
		['超过500人', 500, '人', '超'],
		['约20个', 20, '个', '约'],
		['100人以上', 100, '人', '以上'],
		['1,200人', 1200, '人', undefined],
		['１２３件', 123, '件', undefined],
		['1.2萬人次', 12000, '人次', undefined],
		['上萬次', 10000, '次', '上万'],
		['3個月', 3, '个月', undefined],
	])('%s → %d %s', (text, value, unit, qualifier) => {
		const figure = parseFigure(text);
		expect(figure).toBeDefined();
		expect(figure?.value).toBe(value);
		expect(figure?.unit).toBe(unit);
		expect(figure?.qualifier).toBe(qualifier);
		expect(figure?.text).toBe(text);
	});

	it('rejects text that is not exactly one figure', () => {
		expect(parseFigure('群众好评率99.5%')).toBeUndefined();
		expect(parseFigure('很多人')).toBeUndefined();
		expect(parseFigure('')).toBeUndefined();
	});
});

describe('findFigures', () => {
	it('finds every figure in running text with its exact wording and offset', () => {
		const text = '全县共有336件事项得到处置，群众好评率达99.5%，接待游客1.2万人次，投入资金2.54亿元。';
		const figures = findFigures(text);
		expect(figures.map((f) => f.text)).toEqual(['336件', '99.5%', '1.2万人次', '2.54亿元']);
		for (const f of figures) expect(text.slice(f.index, f.index + f.text.length)).toBe(f.text);
	});

	it('leaves calendar years out but keeps durations', () => {
		expect(findFigures('2023年以来，连续3年开展').map((f) => f.text)).toEqual(['3年']);
	});
});
