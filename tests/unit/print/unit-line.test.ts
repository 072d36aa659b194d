import { describe, expect, it } from 'vitest';
import { regionChain } from '../../../src/lib/regions.ts';
import { unitRegionLine } from '../../../src/lib/print/unit-line.ts';

const chain = (code: string) => regionChain(code).map((d) => d.name);

describe('unitRegionLine', () => {
	it('adds only the divisions above the one the unit names', () => {
		expect(unitRegionLine('常宁市洋泉镇', chain('430482'))).toBe('常宁市洋泉镇（湖南省衡阳市）');
		expect(unitRegionLine('盐湖区', chain('140802'))).toBe('盐湖区（山西省运城市）');
	});

	it('adds the whole chain when the unit names no division', () => {
		expect(unitRegionLine('县委组织部', chain('330822'))).toBe('县委组织部（浙江省衢州市常山县）');
	});

	it('keeps a short county name the data spells in full', () => {
		expect(unitRegionLine('通道县大高坪苗族乡', chain('431230'))).toBe('通道县大高坪苗族乡（湖南省怀化市通道侗族自治县）');
	});

	it('adds nothing when the unit already says it all, and names a municipality once', () => {
		expect(unitRegionLine('山西省运城市盐湖区', chain('140802'))).toBe('山西省运城市盐湖区');
		expect(unitRegionLine('东城区委组织部', ['北京市', '北京市', '东城区'])).toBe('东城区委组织部（北京市）');
	});
});
