import { describe, expect, it } from 'vitest';
import { CHART_WIDTH, barChart, countsByYear } from '../../../src/lib/charts/bar-chart.ts';
import { TILES, contrast, tileMap } from '../../../src/lib/charts/tile-map.ts';
import { allDivisions } from '../../../src/lib/regions.ts';
import { pageSlice } from '../../../src/lib/compendium/pagination.ts';

describe('tile map', () => {
	it('has one tile for each of the 34 provincial-level divisions, no two in one place', () => {
		const provinces = allDivisions.filter((d) => d.level === 'province').map((d) => d.code.slice(0, 2));
		expect(provinces).toHaveLength(34);
		expect(TILES.map((t) => t.prefix).sort()).toEqual([...provinces].sort());
		expect(new Set(TILES.map((t) => `${t.col},${t.row}`)).size).toBe(34);
	});

	it('keeps rough geography: Heilongjiang north-east of Xinjiang, Hainan south of Guangdong', () => {
		const at = (label: string) => TILES.find((t) => t.label === label)!;
		expect(at('黑龙江').col).toBeGreaterThan(at('新疆').col);
		expect(at('黑龙江').row).toBeLessThan(at('新疆').row);
		expect(at('海南').row).toBeGreaterThan(at('广东').row);
		expect(at('上海').col).toBeGreaterThan(at('江苏').col);
	});

	it('shades by count, darker for more, with readable text on every fill', () => {
		const map = tileMap(
			new Map([
				['330000', 2],
				['140000', 30],
				['430000', 1],
			]),
		);
		const tile = (code: string) => map.tiles.find((t) => t.code === code)!;
		expect(tile('110000').count).toBe(0);
		expect(tile('140000').fill).not.toBe(tile('430000').fill);
		for (const t of map.tiles) expect(contrast(t.fill, t.textFill)).toBeGreaterThanOrEqual(4.5);
		// The legend covers 0 and every count from 1 to the maximum, without gaps.
		expect(map.legend[0]).toMatchObject({ from: 0, to: 0 });
		const steps = map.legend.slice(1);
		expect(steps[0]!.from).toBe(1);
		expect(steps.at(-1)!.to).toBe(30);
		for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to + 1);
		expect(steps.length).toBeLessThanOrEqual(5);
	});

	it('draws a map with no cases at all', () => {
		const map = tileMap(new Map());
		expect(map.tiles.every((t) => t.count === 0)).toBe(true);
		expect(map.legend).toHaveLength(1);
	});
});

describe('bar chart', () => {
	it('scales bars to the largest value and keeps them inside the width', () => {
		const chart = barChart([
			{ label: '2023', value: 1 },
			{ label: '2024', value: 4 },
			{ label: '衢州市常山县', value: 0 },
		]);
		expect(chart.bars[1]!.width).toBeGreaterThan(chart.bars[0]!.width * 3.9);
		expect(chart.bars[2]!.width).toBe(0);
		for (const bar of chart.bars) expect(bar.valueX).toBeLessThanOrEqual(CHART_WIDTH);
		expect(chart.barX).toBeGreaterThan(6 * 13 - 1);
		expect(chart.bars[1]!.y).toBeGreaterThan(chart.bars[0]!.y);
	});

	it('counts cases per year with empty years in between', () => {
		const dates = ['2021-03-01', '2021-05-01', '2024-01-01'].map((d) => new Date(`${d}T00:00:00Z`));
		expect(countsByYear(dates)).toEqual([
			{ label: '2021', value: 2 },
			{ label: '2022', value: 0 },
			{ label: '2023', value: 0 },
			{ label: '2024', value: 1 },
		]);
		expect(countsByYear([])).toEqual([]);
	});
});

describe('pages', () => {
	it('slices and clamps', () => {
		expect(pageSlice(98, 20, 1)).toEqual({ page: 1, pages: 5, start: 0, end: 20 });
		expect(pageSlice(98, 20, 5)).toEqual({ page: 5, pages: 5, start: 80, end: 98 });
		expect(pageSlice(98, 20, 9).page).toBe(5);
		expect(pageSlice(0, 20, 0)).toEqual({ page: 1, pages: 1, start: 0, end: 0 });
	});
});
